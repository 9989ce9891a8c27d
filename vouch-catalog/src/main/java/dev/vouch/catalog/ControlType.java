package dev.vouch.catalog;

import java.util.Locale;

/** What a control does about a risk. */
public enum ControlType {
    PREVENTIVE, DETECTIVE, CORRECTIVE;

    /** The name used in catalog files, e.g. {@code preventive}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
