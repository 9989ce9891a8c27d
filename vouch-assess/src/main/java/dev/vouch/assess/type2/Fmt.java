package dev.vouch.assess.type2;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Text for instants and durations: dates when at UTC midnight, {@code 9 d 4 h} for durations. */
final class Fmt {

    private Fmt() {
    }

    static String at(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return z.toLocalTime().toNanoOfDay() == 0 ? z.toLocalDate().toString() : t.toString();
    }

    static String span(Instant from, Instant to) {
        return at(from) + " → " + at(to);
    }

    static String duration(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder sb = new StringBuilder();
        if (days > 0 || (hours == 0 && minutes == 0)) {
            sb.append(days).append(" d");
        }
        if (hours > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(hours).append(" h");
        }
        if (minutes > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(minutes).append(" min");
        }
        return sb.toString();
    }

    static String period(Period p) {
        return p.label() + " (" + span(p.from(), p.to()) + ")";
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
