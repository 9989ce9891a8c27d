package dev.vouch.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Check severity, most severe first. The weight is the default scoring weight (docs/scoring.md). */
public enum Severity {
    CRITICAL(10), HIGH(5), MEDIUM(3), LOW(1);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    public int weight() {
        return weight;
    }

    /** True when this severity is at least as severe as {@code bar}. */
    public boolean atLeast(Severity bar) {
        return compareTo(bar) <= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code critical|high|medium|low}, case-insensitively; the message lists the choices. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of " + choices() + ", was '" + text + "'");
    }

    public static String choices() {
        return Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", "));
    }
}
