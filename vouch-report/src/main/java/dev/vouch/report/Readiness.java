package dev.vouch.report;

import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Readiness per Trust Services category: a check counts in every category its criteria belong to.
 * A check is failing when any of its findings is FAIL, ERROR or UNKNOWN, passing when it has at least
 * one PASS or EXCEPTED finding and none failing, otherwise not applicable. The pass rate is
 * (PASS + EXCEPTED) / (all findings except NOT_APPLICABLE), unweighted, rounded down.
 */
record Readiness(TrustCategory category, int checksPassing, int checksFailing, int checksNotApplicable,
        Map<Outcome, Integer> outcomes) {

    static List<Readiness> of(ReportInput in) {
        Map<TrustCategory, int[]> checks = new EnumMap<>(TrustCategory.class);
        Map<TrustCategory, Map<Outcome, Integer>> outcomes = new EnumMap<>(TrustCategory.class);
        for (String checkId : in.checkIds()) {
            List<Finding> fs = in.findings(checkId);
            int verdict = verdict(fs);
            for (TrustCategory c : in.categories(checkId)) {
                checks.computeIfAbsent(c, k -> new int[3])[verdict]++;
                Map<Outcome, Integer> m = outcomes.computeIfAbsent(c, k -> zeros());
                fs.forEach(f -> m.merge(f.outcome(), 1, Integer::sum));
            }
        }
        List<Readiness> out = new ArrayList<>();
        checks.forEach((c, n) -> out.add(new Readiness(c, n[0], n[1], n[2], Collections.unmodifiableMap(outcomes.get(c)))));
        return out;
    }

    private static int verdict(List<Finding> fs) {
        if (fs.stream().anyMatch(f -> f.outcome().isNonPassing())) {
            return 1;
        }
        return fs.stream().anyMatch(f -> f.outcome() == Outcome.PASS || f.outcome() == Outcome.EXCEPTED) ? 0 : 2;
    }

    static Map<Outcome, Integer> zeros() {
        Map<Outcome, Integer> m = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            m.put(o, 0);
        }
        return m;
    }

    int count(Outcome o) {
        return outcomes.get(o);
    }

    int applicable() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum() - count(Outcome.NOT_APPLICABLE);
    }

    int passing() {
        return count(Outcome.PASS) + count(Outcome.EXCEPTED);
    }

    /** Whole percent, rounded down so that 99.6% never shows as 100%; -1 when nothing was applicable. */
    int passRatePercent() {
        return applicable() == 0 ? -1 : (int) Math.floor(100.0 * passing() / applicable());
    }
}
