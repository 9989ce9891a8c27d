package dev.vouch.assess;

import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns the findings of one scan into per-check scores. */
final class CheckScoring {

    private CheckScoring() {
    }

    /** Scores of every check that has findings, keyed and ordered by check id. */
    static Map<String, CheckScore> scoreAll(List<Finding> findings) {
        Map<String, List<Finding>> byCheck = new TreeMap<>();
        findings.forEach(f -> byCheck.computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f));
        Map<String, CheckScore> out = new TreeMap<>();
        byCheck.forEach((id, fs) -> out.put(id, score(id, fs)));
        return out;
    }

    static boolean passes(Outcome o) {
        return o == Outcome.PASS || o == Outcome.EXCEPTED;
    }

    static CheckScore score(String checkId, List<Finding> findings) {
        Severity severity = findings.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, 0);
        }
        Map<Severity, int[]> bySeverity = new EnumMap<>(Severity.class); // {passing, applicable}
        TreeSet<String> nonPassing = new TreeSet<>();
        for (Finding f : findings) {
            outcomes.merge(f.outcome(), 1, Integer::sum);
            if (f.outcome() == Outcome.NOT_APPLICABLE) {
                continue;
            }
            int[] counts = bySeverity.computeIfAbsent(f.severity(), s -> new int[2]);
            counts[1]++;
            if (passes(f.outcome())) {
                counts[0]++;
            } else {
                nonPassing.add(f.resourceId());
            }
        }
        return build(checkId, severity, findings.size(), outcomes, bySeverity, List.copyOf(nonPassing));
    }

    private static CheckScore build(String checkId, Severity severity, int total, Map<Outcome, Integer> outcomes,
            Map<Severity, int[]> bySeverity, List<String> nonPassing) {
        int passing = 0;
        int applicable = 0;
        long wPassing = 0;
        long wApplicable = 0;
        List<String> top = new ArrayList<>();
        List<String> bottom = new ArrayList<>();
        for (Map.Entry<Severity, int[]> e : bySeverity.entrySet()) {
            int w = e.getKey().weight();
            passing += e.getValue()[0];
            applicable += e.getValue()[1];
            wPassing += (long) w * e.getValue()[0];
            wApplicable += (long) w * e.getValue()[1];
            top.add(w + "×" + e.getValue()[0]);
            bottom.add(w + "×" + e.getValue()[1]);
        }
        if (applicable == 0) {
            String text = checkId + ": no applicable findings (" + total + " not applicable): not tested by this check";
            return new CheckScore(checkId, severity, severity.weight(), total, 0, 0, 0, 0, outcomes, nonPassing,
                    Status.NOT_TESTED, 0, text);
        }
        double score = Num.percent(wPassing, wApplicable).doubleValue();
        String text = checkId + " = 100×(" + String.join(" + ", top) + ") / (" + String.join(" + ", bottom)
                + ") = 100×" + wPassing + "/" + wApplicable + " = " + Num.f(score);
        return new CheckScore(checkId, severity, severity.weight(), total, applicable, passing, wApplicable, wPassing,
                outcomes, nonPassing, Status.SCORED, score, text);
    }
}
