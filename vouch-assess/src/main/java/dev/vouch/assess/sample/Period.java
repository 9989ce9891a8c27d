package dev.vouch.assess.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A half-open period {@code [from, to)}: an event at {@code from} is in it, one at {@code to} is not.
 */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("period end " + to + " must be after its start " + from);
        }
    }

    /** Whole UTC days, both inclusive: {@code 2026-01-01..2026-03-31} is [Jan 1 00:00Z, Apr 1 00:00Z). */
    public static Period ofDays(LocalDate first, LocalDate last) {
        return new Period(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Parses {@code FROM..TO} as the CLI's {@code --period} takes it: ISO dates (both days inclusive)
     * or ISO instants (half-open).
     */
    public static Period parse(String text) {
        String[] parts = text.split("\\.\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("period '" + text + "' must be FROM..TO, e.g. 2026-01-01..2026-03-31");
        }
        try {
            if (parts[0].contains("T") || parts[1].contains("T")) {
                return new Period(Instant.parse(parts[0].trim()), Instant.parse(parts[1].trim()));
            }
            return ofDays(LocalDate.parse(parts[0].trim()), LocalDate.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("period '" + text + "': '" + e.getParsedString()
                    + "' is not an ISO date (YYYY-MM-DD) or instant (YYYY-MM-DDThh:mm:ssZ)", e);
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
