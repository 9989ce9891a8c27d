package dev.vouch.report.assessment;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.CheckScore;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.CriterionScore;
import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.EvidenceStatus;
import dev.vouch.assess.RemediationItem;
import dev.vouch.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The readiness report as tables: the control matrix first, then criteria, findings, evidence, remediation. */
public final class ReadinessTables {
    private ReadinessTables() {
    }

    public static List<ReportTable> of(ReadinessModel m) {
        return List.of(matrix(m), criteria(m.assessment()), findings(m), evidence(m.evidence()), remediation(m.assessment()));
    }

    /** Criteria × controls × checks, one row per (criterion, control, check); a control without checks has one row. */
    static ReportTable matrix(ReadinessModel m) {
        Assessment a = m.assessment();
        Map<String, ControlScore> controls = a.controls().stream().collect(Collectors.toMap(ControlScore::controlId, Function.identity()));
        List<List<Object>> rows = new ArrayList<>();
        for (CriterionScore k : a.criteria()) {
            for (String id : k.controlIds()) {
                ControlScore c = controls.get(id);
                List<Object> left = List.of(k.criterionId(), k.category().title(), status(k.status() == dev.vouch.assess.Status.SCORED, k.score()),
                        c.controlId(), c.title(), Fmt.label(c.nature()), Fmt.label(c.type()), status(c.tested(), c.score()), evidence(c));
                List<CheckScore> checks = c.checks();
                if (checks.isEmpty() && c.checksWithoutFindings().isEmpty()) {
                    rows.add(concat(left, List.of("", "", "", "no checks (manual control)", "", "", "")));
                }
                for (CheckScore s : checks) {
                    rows.add(concat(left, List.of(s.checkId(), m.checkTitle(s.checkId()), s.severity().label(),
                            s.tested() ? (s.nonPassing() == 0 ? "pass" : "fail") : "not applicable",
                            s.applicable(), s.passing(), String.join(" ", s.nonPassingResourceIds()))));
                }
                for (String id2 : c.checksWithoutFindings()) {
                    rows.add(concat(left, List.of(id2, m.checkTitle(id2), "", "no findings", 0, 0, "")));
                }
            }
        }
        return new ReportTable("Control matrix", List.of("Criterion", "Category", "Criterion score", "Control", "Control title",
                "Nature", "Type", "Control score", "Evidence", "Check", "Check title", "Severity", "Check status",
                "Applicable", "Passing", "Non-passing resources"), rows);
    }

    private static Object status(boolean tested, double score) {
        return tested ? (Object) (Math.round(score * 10) / 10.0) : "not tested";
    }

    static String evidence(ControlScore c) {
        return c.evidenceRequirements().stream().map(ReadinessTables::requirement).collect(Collectors.joining("; "));
    }

    private static String requirement(EvidenceStatus e) {
        String items = e.satisfiedBy().stream().map(EvidenceItem::vaultSeq).map(s -> "#" + s).collect(Collectors.joining(" "));
        return e.type().key() + " " + Fmt.label(e.cadence()) + ": " + Fmt.label(e.freshness()) + (items.isEmpty() ? "" : " (" + items + ")");
    }

    static ReportTable criteria(Assessment a) {
        List<List<Object>> rows = new ArrayList<>();
        for (CriterionScore k : a.criteria()) {
            boolean tested = k.status() == dev.vouch.assess.Status.SCORED;
            rows.add(List.of(k.criterionId(), k.category().title(), k.text(), status(tested, k.score()),
                    tested ? k.band().label() : "not tested", String.join(" ", k.controlIds()), k.notTested(), k.arithmetic()));
        }
        return new ReportTable("Criteria", List.of("Criterion", "Category", "Summary", "Score", "Band", "Controls",
                "Controls not tested", "Arithmetic"), rows);
    }

    static ReportTable findings(ReadinessModel m) {
        List<List<Object>> rows = new ArrayList<>();
        for (Finding f : m.findings()) {
            rows.add(List.of(f.checkId(), m.checkTitle(f.checkId()), f.severity().label(), Fmt.label(f.outcome()),
                    f.resourceType(), f.resourceName(), f.resourceId(), f.message(), f.origin().source(), f.origin().display(),
                    f.exceptionId()));
        }
        return new ReportTable("Findings", List.of("Check", "Check title", "Severity", "Outcome", "Resource type",
                "Resource", "Resource id", "Message", "Source", "Location", "Exception"), rows);
    }

    static ReportTable evidence(List<EvidenceEntry> entries) {
        List<List<Object>> rows = new ArrayList<>();
        for (EvidenceEntry e : entries) {
            rows.add(List.of(e.seq(), e.kind(), e.name(), e.coversFrom(), e.coversTo(), e.recordedAt(),
                    String.join(" ", e.controls()), e.digest()));
        }
        return new ReportTable("Evidence", List.of("Vault entry", "Kind", "Name", "Covers from", "Covers to", "Recorded",
                "Controls", "Digest"), rows);
    }

    static ReportTable remediation(Assessment a) {
        List<List<Object>> rows = new ArrayList<>();
        int rank = 0;
        for (RemediationItem r : a.remediation()) {
            rows.add(List.of(++rank, r.action(), Fmt.label(r.kind()), r.severity(), Math.round(r.gain() * 10) / 10.0,
                    Math.round(r.overallAfter() * 10) / 10.0, String.join(" ", r.controlIds()), String.join(" ", r.resourceIds())));
        }
        return new ReportTable("Remediation", List.of("Rank", "Action", "Kind", "Severity", "Gain", "Overall after",
                "Controls", "Resources"), rows);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
