package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Remediation;
import dev.vouch.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The detail sections of {@link TableRenderer}. Each section lists at most {@code maxPerCheck} findings of
 * one check, then one line saying how many more there are; the counts in the section headings stay exact.
 */
final class TableSections {
    private static final int LABEL = 11;

    private final ReportInput in;
    private final Text t;
    private final int maxPerCheck;

    TableSections(ReportInput in, Text t, int maxPerCheck) {
        this.in = in;
        this.t = t;
        this.maxPerCheck = maxPerCheck;
    }

    /** FAIL findings, grouped by their check's primary category, then severity (most severe first). */
    void failing() {
        List<Finding> failing = select(Outcome.FAIL);
        if (failing.isEmpty()) {
            return;
        }
        t.line(t.bold("Failing findings (" + failing.size() + ")"));
        Map<TrustCategory, Map<Severity, List<Finding>>> groups = new EnumMap<>(TrustCategory.class);
        for (Finding f : FindingOrder.sorted(failing, FindingOrder.BY_SEVERITY)) {
            groups.computeIfAbsent(in.primaryCategory(f.checkId()), k -> new TreeMap<>())
                    .computeIfAbsent(f.severity(), k -> new ArrayList<>()).add(f);
        }
        groups.forEach((category, bySeverity) -> {
            t.blank();
            t.line("  " + t.bold(category.label()));
            bySeverity.forEach((severity, findings) -> {
                t.line("    " + t.severity(severity, severity.name() + " (" + findings.size() + ")"));
                byCheck(findings).forEach(this::failingCheck);
            });
        });
        t.blank();
    }

    /** One failing check: what it wants and how to fix it, once; then its resources (capped). */
    private void failingCheck(List<Finding> ofCheck) {
        String id = ofCheck.get(0).checkId();
        String count = ofCheck.size() == 1 ? "" : "  [" + ofCheck.size() + " resources]";
        t.heading(6, id, id.length() + 2, in.title(id) + count, UnaryOperator.identity());
        List<String> criteria = in.criteria(id);
        if (!criteria.isEmpty()) {
            t.field(8, "Criteria", LABEL, String.join(", ", criteria));
        }
        Remediation r = in.check(id).map(CheckInfo::remediation).orElse(Remediation.none());
        if (!r.text().isBlank()) {
            t.field(8, "Fix", LABEL, r.text());
        }
        if (!r.cli().isBlank()) {
            t.field(8, "CLI", LABEL, r.cli());
        }
        if (!r.terraform().isBlank()) {
            t.field(8, "Terraform", LABEL, r.terraform());
        }
        capped(ofCheck, 8, f -> {
            t.field(8, "-", 2, f.resourceName() + " (" + f.resourceType() + ")");
            if (!f.resourceId().equals(f.resourceName())) {
                t.field(10, "Id", LABEL - 2, f.resourceId());
            }
            t.field(10, "Where", LABEL - 2, f.origin().display() + " [" + f.origin().source() + "]");
            t.field(10, "Problem", LABEL - 2, f.message().isBlank() ? in.title(id) : f.message());
        });
    }

    /** Splits a list in which each check's findings are adjacent into one list per check, in order. */
    private static List<List<Finding>> byCheck(List<Finding> sorted) {
        List<List<Finding>> out = new ArrayList<>();
        for (Finding f : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).get(0).checkId().equals(f.checkId())) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(f);
        }
        return out;
    }

    private void resource(Finding f) {
        t.field(8, "Resource", LABEL, f.resourceName() + " (" + f.resourceType() + ")");
        if (!f.resourceId().equals(f.resourceName())) {
            t.field(8, "Id", LABEL, f.resourceId());
        }
        t.field(8, "Where", LABEL, f.origin().display() + " [" + f.origin().source() + "]");
    }

    /** ERROR and UNKNOWN findings: coverage gaps, never counted as passing. */
    void unresolved() {
        List<Finding> list = FindingOrder.sorted(in.scan().findings().stream()
                .filter(f -> f.outcome() == Outcome.ERROR || f.outcome() == Outcome.UNKNOWN).toList(), FindingOrder.BY_SEVERITY);
        if (list.isEmpty()) {
            return;
        }
        t.line(t.bold("Not evaluated: ERROR / UNKNOWN (" + list.size() + ")"));
        capped(list, 2, this::unresolved);
        t.blank();
    }

    private void unresolved(Finding f) {
        t.heading(2, Text.pad(f.outcome().name(), 8) + f.checkId(), 10 + f.checkId().length(),
                in.title(f.checkId()) + " [" + f.severity().label() + "]", UnaryOperator.identity());
        resource(f);
        t.field(8, "Reason", LABEL, f.message().isBlank() ? "(no reason given)" : f.message());
    }

    /** Findings covered by a valid exception, so the reviewer sees what is being accepted. */
    void excepted() {
        List<Finding> list = FindingOrder.sorted(select(Outcome.EXCEPTED), FindingOrder.BY_CHECK);
        if (list.isEmpty()) {
            return;
        }
        t.line(t.bold("Accepted by exception (" + list.size() + ")"));
        capped(list, 2, f -> t.field(2, f.exceptionId(), 16, f.checkId() + "  " + f.resourceName() + "  " + f.origin().display()));
        t.blank();
    }

    void notices() {
        List<ExceptionNotice> list = FindingOrder.sorted(in.scan().exceptionNotices(), FindingOrder.NOTICES);
        if (list.isEmpty()) {
            return;
        }
        t.line(t.bold("Exceptions to review (" + list.size() + ")"));
        for (ExceptionNotice n : list) {
            String kind = n.kind() == ExceptionNotice.Kind.EXPIRED ? "expired" : "unused";
            t.field(2, Text.pad(n.exceptionId(), 14) + Text.pad(kind, 8), 0,
                    n.message() == null || n.message().isBlank() ? "" : n.message());
        }
        t.blank();
    }

    void collectionErrors() {
        List<CollectionError> list = FindingOrder.sorted(in.scan().errors(), FindingOrder.ERRORS);
        if (list.isEmpty()) {
            return;
        }
        t.line(t.bold(t.warn("Collection errors (" + list.size() + "): these sources were not fully read")));
        for (CollectionError e : list) {
            t.field(2, "[" + e.origin().source() + "]", 14, e.display());
        }
        t.blank();
    }

    /**
     * Shows the findings of {@code sorted} (where each check's findings are adjacent), at most
     * {@code maxPerCheck} per check, each check's overflow summed up in one line at {@code indent}.
     */
    private void capped(List<Finding> sorted, int indent, Consumer<Finding> show) {
        int ofCheck = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Finding f = sorted.get(i);
            if (ofCheck++ < maxPerCheck) {
                show.accept(f);
            }
            if (i + 1 == sorted.size() || !sorted.get(i + 1).checkId().equals(f.checkId())) {
                if (ofCheck > maxPerCheck) {
                    more(indent, ofCheck - maxPerCheck, f.checkId());
                }
                ofCheck = 0;
            }
        }
    }

    private void more(int indent, int hidden, String checkId) {
        t.field(indent, "", 0, String.format(Locale.ROOT, "\u2026 and %,d more %s finding%s (see --format json)",
                hidden, checkId, hidden == 1 ? "" : "s"), t::dim);
    }

    private List<Finding> select(Outcome o) {
        return in.scan().findings().stream().filter(f -> f.outcome() == o).toList();
    }
}
