package dev.vouch.catalog;

import java.util.Locale;

/**
 * Who operates a control: the organization ({@code customer}), the cloud provider, relied on
 * through its own SOC 2 report ({@code inherited}), or both ({@code shared}).
 */
public enum Responsibility {
    CUSTOMER, INHERITED, SHARED;

    /** The name used in catalog files, e.g. {@code customer}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
