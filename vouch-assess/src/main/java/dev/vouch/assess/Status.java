package dev.vouch.assess;

/**
 * Whether a score rests on anything. {@link #NOT_TESTED} scores are reported as 0 and, for controls,
 * count as 0 with their full weight: not tested is never passing.
 */
public enum Status {
    SCORED, NOT_TESTED
}
