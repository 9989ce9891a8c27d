package dev.vouch.assess;

import dev.vouch.catalog.Category;
import java.util.List;

/**
 * One in-scope category's score: the weighted mean of the distinct controls that address any of its
 * criteria (each control once), not-tested controls counting as 0.
 *
 * @param category the category
 * @param status SCORED when at least one of its controls is tested
 * @param score 0–100
 * @param band the readiness band of {@code score}
 * @param weight the sum of its controls' weights: the category's weight in the overall score
 * @param controlIds its controls, in catalog order
 * @param notTested how many of them are not tested
 * @param arithmetic {@code security = (1.0×… + …) / (…) = …}
 */
public record CategoryScore(Category category, Status status, double score, Band band, double weight,
        List<String> controlIds, int notTested, String arithmetic) {

    public CategoryScore {
        controlIds = List.copyOf(controlIds);
    }
}
