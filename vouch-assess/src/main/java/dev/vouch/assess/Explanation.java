package dev.vouch.assess;

import java.util.List;

/**
 * Everything behind one number: the subject's controls (each with its checks, resources and evidence)
 * and the arithmetic, in an order where every number can be recomputed from the lines above it.
 *
 * @param subject the id asked for: a criterion ({@code CC6.1}), a control ({@code VC-IAM-03}) or a category key
 * @param kind what the subject is
 * @param title the criterion text, control title or category name
 * @param status SCORED or NOT_TESTED
 * @param score 0–100
 * @param band the band of {@code score}
 * @param controls the controls behind the score, in catalog order
 * @param lines the arithmetic: "now", then per control its check, evidence and part lines, then the subject's formula
 */
public record Explanation(String subject, Kind kind, String title, Status status, double score, Band band,
        List<ControlScore> controls, List<String> lines) {

    public enum Kind {
        CRITERION, CONTROL, CATEGORY
    }

    public Explanation {
        controls = List.copyOf(controls);
        lines = List.copyOf(lines);
    }
}
