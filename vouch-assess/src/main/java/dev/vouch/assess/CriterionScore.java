package dev.vouch.assess;

import dev.vouch.catalog.Category;
import java.util.List;

/**
 * One criterion's score: the weighted mean of the controls that address it, not-tested controls
 * counting as 0 with their weight. NOT_TESTED when none of its controls is tested (or none exists).
 *
 * @param criterionId e.g. {@code CC6.1}
 * @param category its category
 * @param text its text (official when imported, else Vouch's paraphrase)
 * @param status SCORED when at least one control is tested
 * @param score 0–100
 * @param band the readiness band of {@code score}
 * @param weight the sum of its controls' weights
 * @param controlIds the controls that address it, in catalog order
 * @param notTested how many of them are not tested
 * @param arithmetic e.g. {@code CC6.1 = (1.0×72.0 + 0.8×NOT TESTED→0) / (1.0+0.8) = 40.0}
 */
public record CriterionScore(String criterionId, Category category, String text, Status status, double score,
        Band band, double weight, List<String> controlIds, int notTested, String arithmetic) {

    public CriterionScore {
        controlIds = List.copyOf(controlIds);
    }
}
