package dev.vouch.report;

import java.util.List;
import java.util.Locale;

/**
 * The AICPA Trust Services categories, derived from a criterion id's prefix ({@code CC6.1} is
 * Security, {@code PI1.2} Processing Integrity ...). {@link #UNMAPPED} holds checks with no criterion.
 */
public enum TrustCategory {
    SECURITY("CC", "Security"),
    AVAILABILITY("A", "Availability"),
    CONFIDENTIALITY("C", "Confidentiality"),
    PROCESSING_INTEGRITY("PI", "Processing Integrity"),
    PRIVACY("P", "Privacy"),
    UNMAPPED("", "Not mapped to a criterion");

    private final String prefix;
    private final String label;

    TrustCategory(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    /** The category of a criterion id such as {@code CC6.1} or {@code P3.2}; UNMAPPED when the prefix is not one of the five. */
    public static TrustCategory ofCriterion(String criterionId) {
        String id = criterionId.trim().toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < id.length() && Character.isLetter(id.charAt(i))) {
            i++;
        }
        String letters = id.substring(0, i);
        for (TrustCategory c : List.of(SECURITY, AVAILABILITY, CONFIDENTIALITY, PROCESSING_INTEGRITY, PRIVACY)) {
            if (c.prefix.equals(letters)) {
                return c;
            }
        }
        return UNMAPPED;
    }
}
