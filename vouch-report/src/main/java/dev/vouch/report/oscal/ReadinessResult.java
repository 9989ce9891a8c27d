package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.assess.Assessment;
import dev.vouch.assess.CheckScore;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.CriterionScore;
import dev.vouch.catalog.Category;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.report.assessment.EvidenceEntry;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.TrendPoint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one result of a readiness report: a TEST observation per check with findings (its resources as
 * subjects), an EXAMINE observation per manual evidence entry, and a finding per in-scope criterion.
 */
final class ReadinessResult {

    private final ReadinessModel m;
    private final Assessment a;
    private final String seed;
    private final Evidence evidence;
    private final Inventory inventory = new Inventory();
    private final Map<String, String> checkObservations = new TreeMap<>();

    ReadinessResult(ReadinessModel m, String seed, Evidence evidence) {
        this.m = m;
        this.a = m.assessment();
        this.seed = seed;
        this.evidence = evidence;
    }

    ObjectNode build() {
        ArrayNode observations = checkObservations();
        observations.addAll(evidence.observations());
        ObjectNode r = Oscal.object();
        r.put("uuid", Uuids.of(seed, "result"));
        r.put("title", "SOC 2 readiness assessment of scan " + m.scan().id());
        r.put("description", "Automated checks of scan " + m.scan().id() + " (" + m.scan().resourceCount()
                + " resources from " + sources() + ") and the evidence recorded in the Vouch vault, scored"
                + " against the in-scope Trust Services Criteria. Overall " + Reports.score(a.overall()) + " ("
                + a.band().label() + ").");
        r.put("start", Oscal.time(m.scan().finishedAt()));
        r.put("end", Oscal.time(m.scan().finishedAt()));
        r.set("props", resultProps());
        if (!inventory.isEmpty()) {
            r.set("local-definitions", Oscal.object().set("inventory-items", inventory.items()));
        }
        r.set("reviewed-controls", Reports.reviewedControls(
                a.criteria().stream().map(CriterionScore::criterionId).toList(), scopeText()));
        Oscal.putArray(r, "observations", observations);
        r.set("findings", findings());
        r.put("remarks", remarks());
        return r;
    }

    /** The plan text for the back matter. */
    String plan() {
        return "SOC 2 readiness scoring by Vouch (docs/scoring.md) of the " + Oscal.FRAMEWORK + " criteria in "
                + scopeText() + " through the Vouch control library: automated checks over collected resources"
                + " and recorded evidence, scored per check, control, criterion and category.";
    }

    private String scopeText() {
        return "scope " + a.scope().stream().map(Category::title).collect(Collectors.joining(", "));
    }

    private String sources() {
        return m.scan().sources().isEmpty() ? "no named source" : String.join(", ", m.scan().sources());
    }

    private ArrayNode resultProps() {
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "scan-id", Long.toString(m.scan().id()));
        Oscal.prop(p, "overall-score", Reports.score(a.overall()));
        Oscal.prop(p, "band", a.band().key());
        Oscal.prop(p, "status", a.status().name().toLowerCase(Locale.ROOT));
        a.scope().forEach(c -> Oscal.prop(p, "scope", c.key()));
        Oscal.prop(p, "resource-count", Integer.toString(m.scan().resourceCount()));
        Oscal.prop(p, "controls-not-tested", Integer.toString(a.notTested().size()));
        return p;
    }

    private String remarks() {
        List<String> lines = new ArrayList<>();
        lines.add(a.overallArithmetic());
        for (TrendPoint t : m.trend()) {
            lines.add("trend: scan " + t.scanId() + " at " + Oscal.time(t.at()) + " overall " + Reports.score(t.overall()));
        }
        if (!a.unmappedChecks().isEmpty()) {
            lines.add("checks mapped to no in-scope control (not scored): " + String.join(", ", a.unmappedChecks()));
        }
        return String.join("\n", lines);
    }

    private ArrayNode checkObservations() {
        Map<String, List<Finding>> byCheck = new TreeMap<>(m.findingsByCheck()); // each in resource order, grouped once
        ArrayNode out = Oscal.array();
        byCheck.forEach((checkId, findings) -> out.add(checkObservation(checkId, findings)));
        return out;
    }

    private ObjectNode checkObservation(String checkId, List<Finding> findings) {
        String uuid = Uuids.of(seed, "observation", "check", checkId);
        checkObservations.put(checkId, uuid);
        Optional<CheckScore> score = checkScore(checkId);
        ObjectNode o = Oscal.object();
        o.put("uuid", uuid);
        o.put("title", checkId + ": " + m.checkTitle(checkId));
        o.put("description", "Automated check " + checkId + " evaluated " + findings.size() + " resource"
                + (findings.size() == 1 ? "" : "s") + ": " + outcomeCounts(findings)
                + score.map(s -> ". " + (s.tested() ? s.arithmetic() : "No applicable findings: not scored"))
                        .orElse(". Mapped to no in-scope control: not scored") + ".");
        o.set("props", checkProps(checkId, findings, score));
        o.set("methods", Oscal.strings(List.of("TEST")));
        boolean failing = findings.stream().anyMatch(f -> f.outcome().isNonPassing());
        o.set("types", Oscal.strings(List.of(failing ? "finding" : "control-objective")));
        ArrayNode subjects = Oscal.array();
        findings.forEach(f -> subjects.add(subject(f)));
        o.set("subjects", subjects);
        ArrayNode relevant = Oscal.array();
        evidence.scanRecordsAt(m.scan().finishedAt()).forEach(e -> relevant.add(Evidence.relevant(e)));
        Oscal.putArray(o, "relevant-evidence", relevant);
        o.put("collected", Oscal.time(m.scan().finishedAt()));
        return o;
    }

    private ArrayNode checkProps(String checkId, List<Finding> findings, Optional<CheckScore> score) {
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "check-id", checkId);
        Oscal.prop(p, "severity", findings.get(0).severity().label());
        score.filter(CheckScore::tested).ifPresent(s -> Oscal.prop(p, "check-score", Reports.score(s.score())));
        Oscal.prop(p, "non-passing", Long.toString(findings.stream().filter(f -> f.outcome().isNonPassing()).count()));
        return p;
    }

    private ObjectNode subject(Finding f) {
        inventory.add(f.resourceId(), f.resourceType(), f.resourceName(), f.provider());
        ObjectNode s = inventory.subject(f.resourceId());
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "outcome", f.outcome().name().toLowerCase(Locale.ROOT));
        Oscal.prop(p, "exception-id", f.exceptionId());
        s.set("props", p);
        if (!f.message().isBlank()) {
            s.put("remarks", f.message());
        }
        return s;
    }

    private static String outcomeCounts(List<Finding> findings) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        findings.forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
        return counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    private Optional<CheckScore> checkScore(String checkId) {
        return a.controls().stream().flatMap(c -> c.checks().stream())
                .filter(s -> s.checkId().equals(checkId)).findFirst();
    }

    private ArrayNode findings() {
        ArrayNode out = Oscal.array();
        a.criteria().forEach(c -> out.add(finding(c)));
        return out;
    }

    private ObjectNode finding(CriterionScore c) {
        List<ControlScore> controls = c.controlIds().stream().map(a::control).flatMap(Optional::stream).toList();
        boolean satisfied = !controls.isEmpty()
                && controls.stream().allMatch(s -> s.tested() && s.score() == 100.0);
        ObjectNode f = Oscal.object();
        f.put("uuid", Uuids.of(seed, "finding", c.criterionId()));
        f.put("title", c.criterionId() + " (" + c.category().title() + ")");
        f.put("description", c.text());
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "criterion-id", c.criterionId());
        Oscal.prop(p, "score", Reports.score(c.score()));
        Oscal.prop(p, "band", c.band().key());
        Oscal.prop(p, "status", c.status().name().toLowerCase(Locale.ROOT));
        Oscal.prop(p, "controls-not-tested", Integer.toString(c.notTested()));
        f.set("props", p);
        f.set("target", Reports.target(c.criterionId(), satisfied,
                satisfied ? "Every control under " + c.criterionId() + " is tested and scored 100."
                        : "Not every control under " + c.criterionId() + " is tested and scored 100."));
        Oscal.putArray(f, "related-observations", Oscal.related(related(controls)));
        f.put("remarks", c.arithmetic() + "\n" + controls.stream().map(ReadinessResult::controlLine)
                .collect(Collectors.joining("\n")));
        return f;
    }

    private Set<String> related(List<ControlScore> controls) {
        Set<String> out = new LinkedHashSet<>();
        for (ControlScore s : controls) {
            s.checks().stream().map(cs -> checkObservations.get(cs.checkId())).filter(java.util.Objects::nonNull)
                    .forEach(out::add);
            for (EvidenceEntry e : evidence.manualFor(s.controlId())) {
                out.add(evidence.observationUuid(e));
            }
        }
        return out;
    }

    private static String controlLine(ControlScore s) {
        return s.controlId() + " " + s.title() + ": " + (s.tested() ? Reports.score(s.score()) + " (" + s.formula() + ")"
                : "NOT TESTED, counted as 0");
    }
}
