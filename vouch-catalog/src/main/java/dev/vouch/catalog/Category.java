package dev.vouch.catalog;

import java.util.Locale;

/** A Trust Services category. Security (the common criteria) is in scope in every SOC 2 report. */
public enum Category {
    SECURITY("Security"),
    AVAILABILITY("Availability"),
    CONFIDENTIALITY("Confidentiality"),
    PROCESSING_INTEGRITY("Processing Integrity"),
    PRIVACY("Privacy");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    /** The name used in catalog files, e.g. {@code processing_integrity}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The display name, e.g. {@code Processing Integrity}. */
    public String title() {
        return title;
    }
}
