package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Remediation;
import dev.vouch.model.ScanResult;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * JUnit XML for CI dashboards: one {@code testsuite} per check, one {@code testcase} per finding.
 * FAIL is a {@code failure}, ERROR and UNKNOWN are {@code error}s (the verdict could not be reached),
 * NOT_APPLICABLE and EXCEPTED are {@code skipped}; PASS is a plain testcase. Collection errors form one
 * more suite, {@code vouch.collection}, with an {@code error} per unreadable source. Streamed with
 * {@link javax.xml.stream.XMLStreamWriter}; each check's findings come pre-grouped from {@link ReportInput}.
 */
public final class JUnitRenderer implements Renderer {

    @Override
    public void render(ReportInput in, Writer out) {
        ScanResult s = in.scan();
        try {
            Xml x = new Xml(out);
            x.start("testsuites");
            x.attr("name", "Vouch");
            counts(x, s.findings(), s.errors().size());
            x.attr("time", seconds(s));
            x.attr("timestamp", s.startedAt().toString());
            for (String id : in.checkIds()) {
                suite(in, x, id);
            }
            if (!s.errors().isEmpty()) {
                collectionSuite(s, x);
            }
            x.end();
            x.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write the JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static void counts(Xml x, List<Finding> findings, int extraErrors) throws XMLStreamException {
        int[] n = new int[Outcome.values().length];
        findings.forEach(f -> n[f.outcome().ordinal()]++);
        x.attr("tests", String.valueOf(findings.size() + extraErrors));
        x.attr("failures", String.valueOf(n[Outcome.FAIL.ordinal()]));
        x.attr("errors", String.valueOf(n[Outcome.ERROR.ordinal()] + n[Outcome.UNKNOWN.ordinal()] + extraErrors));
        x.attr("skipped", String.valueOf(n[Outcome.NOT_APPLICABLE.ordinal()] + n[Outcome.EXCEPTED.ordinal()]));
    }

    private static String seconds(ScanResult s) {
        return String.format(Locale.ROOT, "%.3f", Duration.between(s.startedAt(), s.finishedAt()).toMillis() / 1000.0);
    }

    private static void suite(ReportInput in, Xml x, String checkId) throws XMLStreamException {
        List<Finding> findings = in.findings(checkId);
        x.start("testsuite");
        x.attr("name", checkId + " " + in.title(checkId));
        counts(x, findings, 0);
        x.attr("time", "0");
        x.attr("timestamp", in.scan().startedAt().toString());
        x.start("properties");
        property(x, "severity", SarifRenderer.severityOf(in, checkId).label());
        property(x, "criteria", String.join(",", in.criteria(checkId)));
        property(x, "categories", String.join(",", in.categories(checkId).stream().map(Enum::name).toList()));
        x.end();
        for (Finding f : findings) {
            testcase(in, x, f);
        }
        x.end();
    }

    private static void property(Xml x, String name, String value) throws XMLStreamException {
        x.empty("property");
        x.attr("name", name);
        x.attr("value", value);
    }

    private static void testcase(ReportInput in, Xml x, Finding f) throws XMLStreamException {
        x.start("testcase");
        x.attr("name", f.resourceName() + " (" + f.resourceId() + ")");
        x.attr("classname", f.checkId());
        x.attr("file", f.origin().location());
        if (f.origin().line() > 0) {
            x.attr("line", String.valueOf(f.origin().line()));
        }
        x.attr("time", "0");
        String text = f.message().isBlank() ? in.title(f.checkId()) : f.message();
        switch (f.outcome()) {
            case FAIL -> x.element("failure", text, f.severity().label(), details(in, f));
            case ERROR, UNKNOWN -> x.element("error", text, f.outcome().name(), details(in, f));
            case NOT_APPLICABLE -> x.element("skipped", "not applicable", null, null);
            case EXCEPTED -> x.element("skipped", "accepted by exception " + f.exceptionId() + ": " + text, null, null);
            case PASS -> { }
        }
        x.end();
    }

    private static String details(ReportInput in, Finding f) {
        StringBuilder b = new StringBuilder();
        b.append("Check: ").append(f.checkId()).append(' ').append(in.title(f.checkId())).append('\n');
        b.append("Severity: ").append(f.severity().label()).append('\n');
        b.append("Resource: ").append(f.resourceId()).append(" (").append(f.resourceType()).append(")\n");
        b.append("Where: ").append(f.origin().display()).append(" [").append(f.origin().source()).append("]\n");
        List<String> criteria = in.criteria(f.checkId());
        if (!criteria.isEmpty()) {
            b.append("Criteria: ").append(String.join(", ", criteria)).append('\n');
        }
        Remediation r = in.check(f.checkId()).map(CheckInfo::remediation).orElse(Remediation.none());
        if (!r.text().isBlank()) {
            b.append("Fix: ").append(r.text()).append('\n');
        }
        if (!r.cli().isBlank()) {
            b.append("CLI: ").append(r.cli()).append('\n');
        }
        return b.toString();
    }

    private static void collectionSuite(ScanResult s, Xml x) throws XMLStreamException {
        x.start("testsuite");
        x.attr("name", "vouch.collection");
        counts(x, List.of(), s.errors().size());
        x.attr("time", "0");
        x.attr("timestamp", s.startedAt().toString());
        for (CollectionError e : FindingOrder.sorted(s.errors(), FindingOrder.ERRORS)) {
            x.start("testcase");
            x.attr("name", e.origin().display());
            x.attr("classname", "vouch.collection." + e.origin().source());
            x.attr("time", "0");
            x.element("error", e.message(), "collection", e.display());
            x.end();
        }
        x.end();
    }
}
