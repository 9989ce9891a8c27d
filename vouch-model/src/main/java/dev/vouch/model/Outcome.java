package dev.vouch.model;

/**
 * The result of one check on one resource. {@link #EXCEPTED} overlays a non-passing outcome while a
 * recorded exception covers it. Missing data is never {@link #PASS}: it is {@link #ERROR} (could not
 * be read) or {@link #UNKNOWN} (read, but a value could not be resolved, e.g. a Terraform variable
 * without a default).
 */
public enum Outcome {
    PASS, FAIL, ERROR, UNKNOWN, NOT_APPLICABLE, EXCEPTED;

    /** True for outcomes that count against a control (FAIL, ERROR, UNKNOWN). */
    public boolean isNonPassing() {
        return this == FAIL || this == ERROR || this == UNKNOWN;
    }
}
