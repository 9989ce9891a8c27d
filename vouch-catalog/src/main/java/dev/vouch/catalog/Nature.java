package dev.vouch.catalog;

import java.util.Locale;

/** How a control operates. Automated controls are tested by checks; manual ones by evidence. */
public enum Nature {
    AUTOMATED, MANUAL, HYBRID;

    /** The name used in catalog files, e.g. {@code automated}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
