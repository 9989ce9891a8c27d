package dev.vouch.assess;

import dev.vouch.catalog.Control;
import dev.vouch.catalog.Nature;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scores one control from its checks' scores and its evidence. */
final class ControlScoring {

    private record Part(boolean present, BigDecimal value, String line) {
    }

    private ControlScoring() {
    }

    static ControlScore score(Control control, List<String> inScopeCriteria, Map<String, CheckScore> checkScores,
            List<EvidenceItem> items, Instant now) {
        List<String> lines = new ArrayList<>();
        List<CheckScore> checks = new ArrayList<>();
        List<String> withoutFindings = new ArrayList<>();
        for (String id : control.checks()) {
            CheckScore cs = checkScores.get(id);
            if (cs == null) {
                withoutFindings.add(id);
                lines.add(id + ": no findings in this scan: not tested by this check");
            } else {
                checks.add(cs);
                lines.add(cs.arithmetic());
            }
        }
        List<EvidenceStatus> evidence = EvidenceScoring.statuses(control, items, now);
        evidence.forEach(e -> lines.add(e.arithmetic()));
        Part automated = automated(control.id(), checks);
        Part ev = control.nature() == Nature.AUTOMATED ? absentEvidence(control) : evidence(control.id(), evidence);
        if (automated.present() && !automated.line().isEmpty()) {
            lines.add(automated.line());
        }
        if (!ev.line().isEmpty()) {
            lines.add(ev.line());
        }
        Part total = combine(control, automated, ev);
        lines.add(total.line());
        return new ControlScore(control.id(), control.title(), control.type(), control.nature(),
                Weights.of(control.type()).doubleValue(), inScopeCriteria,
                total.present() ? Status.SCORED : Status.NOT_TESTED, total.value().doubleValue(),
                automated.present(), automated.value().doubleValue(), ev.present(), ev.value().doubleValue(),
                checks, withoutFindings, evidence, lines);
    }

    /** Severity-weighted mean of the checks that have applicable findings. */
    private static Part automated(String controlId, List<CheckScore> checks) {
        List<Num.Term> terms = checks.stream().filter(CheckScore::tested)
                .map(c -> new Num.Term(BigDecimal.valueOf(c.weight()).setScale(1), Num.of(c.score()), true))
                .toList();
        if (terms.isEmpty()) {
            return new Part(false, BigDecimal.ZERO.setScale(1), "");
        }
        Num.Mean mean = Num.mean(terms);
        return new Part(true, mean.value(), controlId + " automated = " + mean.text());
    }

    private static Part absentEvidence(Control control) {
        String line = control.evidence().isEmpty() ? ""
                : control.id() + " evidence: not scored (automated control; its checks are the test)";
        return new Part(false, BigDecimal.ZERO.setScale(1), line);
    }

    /** Share of requirements that are fresh; absent when no matching item was ever recorded. */
    private static Part evidence(String controlId, List<EvidenceStatus> statuses) {
        boolean any = statuses.stream().anyMatch(s -> s.freshness() != Freshness.MISSING);
        if (!any) {
            return new Part(false, BigDecimal.ZERO.setScale(1), controlId + " evidence: no item recorded");
        }
        long fresh = statuses.stream().filter(EvidenceStatus::fresh).count();
        BigDecimal value = Num.percent(fresh, statuses.size());
        return new Part(true, value, controlId + " evidence = 100×" + fresh + " fresh/" + statuses.size()
                + " required = " + Num.f(value));
    }

    private static Part combine(Control control, Part automated, Part evidence) {
        String id = control.id();
        if (!automated.present() && !evidence.present()) {
            return new Part(false, BigDecimal.ZERO.setScale(1), id + " = NOT TESTED (no applicable check findings"
                    + " and no evidence recorded): counts as 0, never as passing");
        }
        return switch (control.nature()) {
            case AUTOMATED -> new Part(true, automated.value(), id + " = automated " + Num.f(automated.value()));
            case MANUAL -> new Part(true, evidence.value(), id + " = evidence " + Num.f(evidence.value()));
            case HYBRID -> hybrid(id, automated, evidence);
        };
    }

    /** Equal halves; the evidence part is required, so once the checks ran its absence counts as 0. */
    private static Part hybrid(String id, Part automated, Part evidence) {
        if (!automated.present()) {
            return new Part(true, evidence.value(), id + " = evidence " + Num.f(evidence.value())
                    + " (no automated part: no applicable check findings)");
        }
        String ev = evidence.present() ? Num.f(evidence.value()) : "MISSING→0";
        BigDecimal value = Num.divide(automated.value().add(evidence.value()), BigDecimal.valueOf(2));
        return new Part(true, value, id + " = (automated " + Num.f(automated.value()) + " + evidence " + ev
                + ") / 2 = " + Num.f(value));
    }
}
