package dev.vouch.assess;

import java.util.Locale;

/**
 * Readiness band of a score. Boundaries are closed below: 60 is {@link #REMEDIATION_NEEDED}, 80 is
 * {@link #NEARLY_READY}, 90 is {@link #READY}.
 */
public enum Band {
    NOT_READY("not ready"),
    REMEDIATION_NEEDED("remediation needed"),
    NEARLY_READY("nearly ready"),
    READY("ready for the auditor");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    /** {@code < 60} not ready, {@code [60, 80)} remediation needed, {@code [80, 90)} nearly ready, {@code >= 90} ready. */
    public static Band of(double score) {
        if (score < 60) {
            return NOT_READY;
        }
        if (score < 80) {
            return REMEDIATION_NEEDED;
        }
        return score < 90 ? NEARLY_READY : READY;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
