package dev.vouch.catalog;

import java.util.Locale;

/** How often a control operates, or how often its evidence is due. */
public enum Frequency {
    CONTINUOUS, DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, PER_EVENT;

    /** The name used in catalog files, e.g. {@code continuous}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
