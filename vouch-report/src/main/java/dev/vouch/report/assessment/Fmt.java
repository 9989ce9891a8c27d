package dev.vouch.report.assessment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How reports print times, scores and lists (UTC, one decimal, capped lists say how many more). */
final class Fmt {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    static String when(Instant t) {
        return MINUTE.format(t);
    }

    static String day(Instant t) {
        return DAY.format(t);
    }

    /** A window: whole UTC days as {@code 2026-01-01 – 2026-06-30 (dates inclusive, UTC)}, else two instants. */
    static String window(Instant from, Instant to) {
        if (from.getEpochSecond() % 86_400 == 0 && to.getEpochSecond() % 86_400 == 0 && from.getNano() == 0 && to.getNano() == 0) {
            return day(from) + " – " + day(to.minusSeconds(1)) + " (dates inclusive, UTC)";
        }
        return when(from) + " – " + when(to);
    }

    static String score(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    static String percent(double s) {
        return String.format(Locale.ROOT, "%.1f %%", s);
    }

    /** {@code 3 d 4 h}, {@code 5 h 12 min}, {@code 40 min}. */
    static String duration(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (d.toMinutesPart() > 0 ? " " + d.toMinutesPart() + " min" : "");
        }
        return d.toMinutes() + " min";
    }

    static String join(List<String> items) {
        return String.join(", ", items);
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
