package dev.vouch.assess.type2;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The Type II observation window {@code [from, to)}: from its first instant up to, not including, {@code to}.
 *
 * @param from first instant observed
 * @param to end of the window (exclusive)
 */
public record Window(Instant from, Instant to) {

    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("observation window: field 'to' (" + to + ") must be after 'from' ("
                    + from + ")");
        }
    }

    /**
     * Parses {@code FROM..TO} with ISO dates ({@code 2024-01-01..2024-12-31}, both days included, UTC) or
     * ISO instants ({@code 2024-01-01T00:00:00Z..2025-01-01T00:00:00Z}, {@code TO} exclusive).
     */
    public static Window parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").trim().split("\\.\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("period must be FROM..TO, e.g. 2024-01-01..2024-12-31, was '" + text + "'");
        }
        try {
            if (parts[0].contains("T")) {
                return new Window(Instant.parse(parts[0]), Instant.parse(parts[1]));
            }
            return new Window(LocalDate.parse(parts[0]).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    LocalDate.parse(parts[1]).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("period '" + text + "': " + e.getMessage(), e);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** True when {@code t} lies in {@code [from, to)}. */
    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
