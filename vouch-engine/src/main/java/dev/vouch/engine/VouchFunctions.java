package dev.vouch.engine;

import dev.cel.runtime.CelEvaluationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The implementations of the Vouch CEL functions (docs/checks.md). */
final class VouchFunctions {
    private static final Set<String> TRUE_WORDS = Set.of("true", "enabled", "on", "yes", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "disabled", "off", "no", "0", "");
    private static final Set<String> ANY_SOURCES = Set.of("*", "0.0.0.0/0", "0.0.0.0", "::/0", "internet", "any", "<nw>/0", "/0");

    private VouchFunctions() {
    }

    static List<String> split(String s, String sep) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0 && !sep.isEmpty()) {
            out.add(s.substring(from, at).trim());
            from = at + sep.length();
        }
        out.add(s.substring(from).trim());
        return out;
    }

    static Boolean asBool(Object v) throws CelEvaluationException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(t)) {
                return true;
            }
            if (FALSE_WORDS.contains(t)) {
                return false;
            }
        }
        if (CelEnvironment.isCelNull(v)) {
            return false;
        }
        throw new CelEvaluationException("asBool: cannot read '" + v + "' as a boolean");
    }

    static Long asInt(Object v) throws CelEvaluationException {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new CelEvaluationException("asInt: cannot read '" + v + "' as an integer");
    }

    /** True when the port range spec ("22", "20-30", "*", a list of those) includes the port. */
    static Boolean portIn(Object spec, Long port) {
        if (spec instanceof List<?> list) {
            return list.stream().anyMatch(s -> portIn(s, port));
        }
        if (spec instanceof Long l) {
            return l.equals(port);
        }
        if (!(spec instanceof String s)) {
            return false;
        }
        String t = s.trim();
        if (t.equals("*") || t.equalsIgnoreCase("any")) {
            return true;
        }
        for (String part : t.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                if (dash > 0) {
                    long lo = Long.parseLong(p.substring(0, dash).trim());
                    long hi = Long.parseLong(p.substring(dash + 1).trim());
                    if (port >= lo && port <= hi) {
                        return true;
                    }
                } else if (!p.isEmpty() && Long.parseLong(p) == port) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // not a port spec: no match
            }
        }
        return false;
    }

    static Boolean cidrIsAny(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().anyMatch(VouchFunctions::cidrIsAny);
        }
        return v instanceof String s && ANY_SOURCES.contains(s.trim().toLowerCase(Locale.ROOT));
    }

    static Long daysSince(Object v, Clock clock) throws CelEvaluationException {
        if (!(v instanceof String s)) {
            throw new CelEvaluationException("daysSince: expected a timestamp string, was '" + v + "'");
        }
        Instant then = parseInstant(s);
        return Duration.between(then, clock.instant()).toDays();
    }

    static Instant parseInstant(String s) throws CelEvaluationException {
        String t = s.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t.endsWith("Z") ? t : t + "Z");
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    throw new CelEvaluationException("not a timestamp: '" + s + "'");
                }
            }
        }
    }

    static Object get(Object map, String path, Object dflt) {
        Object cur = map;
        for (String key : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return dflt;
            }
            cur = m.get(key);
        }
        return CelEnvironment.isCelNull(cur) ? dflt : cur;
    }
}
