package dev.vouch.assess;

import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One check's score over its findings: {@code 100 × Σ w·passing / Σ w·applicable}, where w is the
 * severity weight, PASS and EXCEPTED pass, FAIL, ERROR and UNKNOWN are applicable and not passing,
 * NOT_APPLICABLE is left out. With no applicable findings the status is {@link Status#NOT_TESTED}.
 *
 * @param checkId the check
 * @param severity the most severe severity among its findings
 * @param weight {@code severity.weight()}: the check's weight inside its controls
 * @param findings all findings of the check
 * @param applicable findings that are not NOT_APPLICABLE
 * @param passing PASS and EXCEPTED findings
 * @param weightedApplicable Σ w over applicable findings
 * @param weightedPassing Σ w over passing findings
 * @param outcomes count per outcome, every outcome present, in {@link Outcome} order
 * @param nonPassingResourceIds resource ids with FAIL, ERROR or UNKNOWN, sorted
 * @param status SCORED or NOT_TESTED
 * @param score 0–100 (0 when not tested)
 * @param arithmetic e.g. {@code AZ-STG-001 = 100×(5×8) / (5×10) = 100×40/50 = 80.0}
 */
public record CheckScore(String checkId, Severity severity, int weight, int findings, int applicable, int passing,
        long weightedApplicable, long weightedPassing, Map<Outcome, Integer> outcomes,
        List<String> nonPassingResourceIds, Status status, double score, String arithmetic) {

    public CheckScore {
        outcomes = Collections.unmodifiableMap(new EnumMap<>(outcomes));
        nonPassingResourceIds = List.copyOf(nonPassingResourceIds);
    }

    public int nonPassing() {
        return applicable - passing;
    }

    public boolean tested() {
        return status == Status.SCORED;
    }
}
