package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.type2.ControlResult;
import dev.vouch.assess.type2.ExceptionPeriod;
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.assess.type2.Verdict;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.Criterion;
import dev.vouch.report.assessment.EvidenceEntry;
import dev.vouch.report.assessment.Type2Model;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one result of a Type II report: TEST observations of non-passing periods, EXAMINE observations of
 * manual evidence, a finding per criterion (satisfied only when all its controls are EFFECTIVE) and a finding
 * per control with its verdict, coverage and exceptions.
 */
final class Type2Result {

    private final Type2Model m;
    private final Type2Report r;
    private final Catalog catalog;
    private final String seed;
    private final Evidence evidence;
    private final Inventory inventory = new Inventory();
    private final Type2Observations checks;

    Type2Result(Type2Model m, Catalog catalog, String seed, Evidence evidence) {
        this.m = m;
        this.r = m.report();
        this.catalog = catalog;
        this.seed = seed;
        this.evidence = evidence;
        this.checks = new Type2Observations(r, seed, inventory);
    }

    ObjectNode build() {
        ArrayNode observations = checks.build();
        observations.addAll(evidence.observations());
        ObjectNode o = Oscal.object();
        o.put("uuid", Uuids.of(seed, "result"));
        o.put("title", "SOC 2 Type II observation " + r.window());
        o.put("description", "Operating effectiveness of each control over the observation window "
                + r.window() + " (end exclusive), judged from " + r.scans().size() + " recorded scans and the"
                + " evidence in the Vouch vault (docs/scoring.md, Type II).");
        o.put("start", Oscal.time(r.window().from()));
        o.put("end", Oscal.time(r.window().to()));
        o.set("props", resultProps());
        if (!inventory.isEmpty()) {
            o.set("local-definitions", Oscal.object().set("inventory-items", inventory.items()));
        }
        o.set("reviewed-controls", Reports.reviewedControls(criteria().stream().map(Criterion::id).toList(),
                "the Type II observation"));
        Oscal.putArray(o, "observations", observations);
        ArrayNode findings = Oscal.array();
        criteria().forEach(c -> findings.add(criterionFinding(c)));
        r.controls().forEach(c -> findings.add(controlFinding(c)));
        o.set("findings", findings);
        String remarks = samples();
        if (!remarks.isEmpty()) {
            o.put("remarks", remarks);
        }
        return o;
    }

    /** The plan text for the back matter. */
    String plan() {
        return "SOC 2 Type II operating-effectiveness analysis by Vouch (docs/scoring.md, Type II) of the "
                + Oscal.FRAMEWORK + " criteria through the Vouch control library over " + r.window()
                + ": scan coverage at a " + r.policy().scanCadence() + " cadence (minimum "
                + r.policy().minCoveragePercent() + " %), remediation SLAs per severity, and evidence occurrences"
                + " per cadence period.";
    }

    private ArrayNode resultProps() {
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "window-from", Oscal.time(r.window().from()));
        Oscal.prop(p, "window-to", Oscal.time(r.window().to()));
        Oscal.prop(p, "scans", Integer.toString(r.scans().size()));
        r.verdictCounts().forEach((v, n) -> Oscal.prop(p, "controls-" + key(v), Integer.toString(n)));
        return p;
    }

    private String samples() {
        return m.samples().stream().map(s -> "sample " + s.sample().controlId() + "/" + s.sample().population() + ": "
                + s.sample().size() + " of " + s.sample().populationSize() + " items, positions "
                + s.sample().indices() + (s.populationProblems().isEmpty() ? ""
                        : "; population problems: " + String.join("; ", s.populationProblems())))
                .collect(Collectors.joining("\n"));
    }

    /** Criteria addressed by the report's controls, in catalog order. */
    private List<Criterion> criteria() {
        Set<String> ids = new LinkedHashSet<>();
        r.controls().forEach(c -> catalog.control(c.controlId()).ifPresent(k -> ids.addAll(k.criteria())));
        return catalog.criteria().stream().filter(c -> ids.contains(c.id())).toList();
    }

    private List<ControlResult> controlsOf(Criterion c) {
        return r.controls().stream().filter(k -> catalog.control(k.controlId()).map(Control::criteria)
                .orElse(List.of()).contains(c.id())).toList();
    }

    private ObjectNode criterionFinding(Criterion c) {
        List<ControlResult> controls = controlsOf(c);
        boolean satisfied = !controls.isEmpty() && controls.stream().allMatch(k -> k.verdict() == Verdict.EFFECTIVE);
        ObjectNode f = Oscal.object();
        f.put("uuid", Uuids.of(seed, "finding", "criterion", c.id()));
        f.put("title", c.id() + " (" + c.category().title() + ")");
        f.put("description", c.text());
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "criterion-id", c.id());
        for (Verdict v : Verdict.values()) {
            Oscal.prop(p, "controls-" + key(v), Long.toString(controls.stream().filter(k -> k.verdict() == v).count()));
        }
        f.set("props", p);
        f.set("target", Reports.target(c.id(), satisfied, satisfied
                ? "Every control under " + c.id() + " operated effectively over the window."
                : "Not every control under " + c.id() + " operated effectively (without exceptions) over the window."));
        Set<String> related = new LinkedHashSet<>();
        controls.forEach(k -> related.addAll(related(k)));
        Oscal.putArray(f, "related-observations", Oscal.related(related));
        f.put("remarks", controls.stream().map(k -> k.controlId() + " " + k.title() + ": " + k.verdict().label())
                .collect(Collectors.joining("\n")));
        return f;
    }

    private ObjectNode controlFinding(ControlResult c) {
        ObjectNode f = Oscal.object();
        f.put("uuid", Uuids.of(seed, "finding", "control", c.controlId()));
        f.put("title", c.controlId() + " " + c.title());
        f.put("description", "Type II verdict for " + c.controlId() + " (" + c.nature().name().toLowerCase(Locale.ROOT)
                + "): " + c.verdict().label() + ".");
        f.set("props", controlProps(c));
        f.set("target", Reports.target(c.controlId(), c.verdict() == Verdict.EFFECTIVE,
                c.reasons().isEmpty() ? c.verdict().label() : c.reasons().get(0)));
        Oscal.putArray(f, "related-observations", Oscal.related(related(c)));
        List<String> lines = new ArrayList<>(c.reasons());
        c.exceptions().forEach(e -> lines.add("exception: " + e.checkId() + " on " + e.resourceName() + ", "
                + Type2Observations.line(e)));
        c.accepted().forEach(e -> lines.add("accepted: " + e.checkId() + " on " + e.resourceName() + ", "
                + Type2Observations.line(e)));
        if (!lines.isEmpty()) {
            f.put("remarks", String.join("\n", lines));
        }
        return f;
    }

    private ArrayNode controlProps(ControlResult c) {
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "control-id", c.controlId());
        Oscal.prop(p, "verdict", key(c.verdict()));
        Oscal.prop(p, "nature", c.nature().name().toLowerCase(Locale.ROOT));
        catalog.control(c.controlId()).ifPresent(k -> k.criteria().forEach(id -> Oscal.prop(p, "criterion-id", id)));
        c.coverage().ifPresent(cov -> {
            Oscal.prop(p, "coverage-percent", cov.percent().toPlainString());
            Oscal.prop(p, "observed-slots", Integer.toString(cov.observed()));
            Oscal.prop(p, "slots", Integer.toString(cov.slots()));
        });
        Oscal.prop(p, "exceptions", Integer.toString(c.exceptions().size()));
        Oscal.prop(p, "beyond-sla", Long.toString(c.beyondSla()));
        Oscal.prop(p, "accepted-exceptions", Integer.toString(c.accepted().size()));
        Oscal.prop(p, "missed-periods", Integer.toString(c.missed().size()));
        return p;
    }

    /** The check observations of its periods and the evidence observations of its occurrences. */
    private Set<String> related(ControlResult c) {
        Set<String> out = new LinkedHashSet<>();
        Stream.concat(c.exceptions().stream(), c.accepted().stream()).map(ExceptionPeriod::checkId).distinct()
                .forEach(id -> checks.uuid(id).ifPresent(out::add));
        Set<Long> seqs = c.occurrences().stream().flatMap(o -> o.items().stream()).map(EvidenceItem::vaultSeq)
                .collect(Collectors.toSet());
        for (EvidenceEntry e : evidence.manualFor(c.controlId())) {
            if (seqs.contains(e.seq())) {
                out.add(evidence.observationUuid(e));
            }
        }
        return out;
    }

    private static String key(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
