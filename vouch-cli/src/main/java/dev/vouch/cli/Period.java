package dev.vouch.cli;

import dev.vouch.cli.workspace.ConfigException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A period {@code FROM..TO}: dates (a date's end is the end of that day, UTC) or RFC 3339 instants. */
public record Period(Instant from, Instant to) {
    public static Period parse(String text, String option) {
        int at = text.indexOf("..");
        if (at < 0) {
            throw new ConfigException(option + " must be FROM..TO (e.g. 2026-07-01..2026-09-30), was '" + text + "'");
        }
        Instant from = instant(text.substring(0, at).trim(), false, option);
        Instant to = instant(text.substring(at + 2).trim(), true, option);
        if (to.isBefore(from)) {
            throw new ConfigException(option + ": the period ends (" + to + ") before it starts (" + from + ")");
        }
        return new Period(from, to);
    }

    private static Instant instant(String s, boolean end, String option) {
        try {
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return end ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1)
                        : d.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new ConfigException(option + ": '" + s + "' is not a date (2026-07-01) or an instant (2026-07-01T00:00:00Z)");
        }
    }
}
