package dev.vouch.assess;

import dev.vouch.catalog.Control;
import dev.vouch.catalog.EvidenceRequirement;
import dev.vouch.catalog.Nature;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the remediation list: every fix is applied alone and the whole assessment rescored. */
final class RemediationPlanner {

    static final Comparator<RemediationItem> ORDER = Comparator.comparingDouble(RemediationItem::gain).reversed()
            .thenComparingInt(RemediationPlanner::severityRank)
            .thenComparing(RemediationItem::id);

    private RemediationPlanner() {
    }

    static List<RemediationItem> plan(Evaluator evaluator, Evaluator.Evaluation base, Map<String, CheckScore> checks,
            Map<String, List<Finding>> findingsByCheck, List<EvidenceItem> items) {
        List<RemediationItem> out = new ArrayList<>();
        for (CheckScore cs : checks.values()) {
            List<String> controls = evaluator.controlsForCheck(cs.checkId());
            if (cs.nonPassing() > 0 && !controls.isEmpty()) {
                out.add(fixCheck(evaluator, base, checks, items, findingsByCheck.get(cs.checkId()), cs, controls));
            }
        }
        for (ControlScore control : base.controls().values()) {
            if (control.nature() != Nature.AUTOMATED) {
                control.evidenceRequirements().stream().filter(e -> !e.fresh())
                        .forEach(e -> out.add(addEvidence(evaluator, base, checks, items, e)));
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static RemediationItem fixCheck(Evaluator evaluator, Evaluator.Evaluation base, Map<String, CheckScore> checks,
            List<EvidenceItem> items, List<Finding> findings, CheckScore cs, List<String> controls) {
        List<Finding> fixed = findings.stream()
                .map(f -> f.outcome().isNonPassing() ? f.withOutcome(Outcome.PASS, "") : f).toList();
        Map<String, CheckScore> after = new TreeMap<>(checks);
        after.put(cs.checkId(), CheckScoring.score(cs.checkId(), fixed));
        double overall = evaluator.reevaluateOverall(base, controls, after, items);
        String action = "Fix check " + cs.checkId() + " (" + cs.severity().label() + "): " + cs.nonPassing()
                + " non-passing of " + cs.applicable() + " applicable";
        return new RemediationItem(RemediationItem.Kind.FIX_CHECK, cs.checkId(), action, cs.severity().label(),
                gain(base, overall), overall, controls, cs.nonPassingResourceIds());
    }

    private static RemediationItem addEvidence(Evaluator evaluator, Evaluator.Evaluation base,
            Map<String, CheckScore> checks, List<EvidenceItem> items, EvidenceStatus e) {
        Control control = evaluator.control(e.controlId());
        EvidenceRequirement req = control.evidence().get(e.index());
        EvidenceItem hypothetical = new EvidenceItem(req.type().key(), List.of(control.id()), evaluator.now(),
                evaluator.now(), evaluator.now(), -1, "hypothetical fresh " + req.type().key());
        List<EvidenceItem> more = new ArrayList<>(items);
        more.add(hypothetical);
        double overall = evaluator.reevaluateOverall(base, List.of(control.id()), checks, more);
        String action = "Add fresh " + req.type().key() + " evidence for " + control.id() + " (" + req.cadence().key()
                + ", " + e.freshness().name().toLowerCase(java.util.Locale.ROOT) + "): " + req.description();
        return new RemediationItem(RemediationItem.Kind.ADD_EVIDENCE, control.id() + "/" + e.index() + ":"
                + req.type().key(), action, "", gain(base, overall), overall, List.of(control.id()), List.of());
    }

    private static double gain(Evaluator.Evaluation base, double after) {
        return Num.of(after).subtract(Num.of(base.overall())).doubleValue();
    }

    private static int severityRank(RemediationItem item) {
        return item.severity().isEmpty() ? Severity.values().length : Severity.parse(item.severity()).ordinal();
    }
}
