package dev.vouch.collect.azureoffline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over plain JSON-like Java values (Map, List, String, Long, Double, Boolean, null). */
final class JsonValues {
    private JsonValues() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : null;
    }

    static String asString(Object value) {
        return value instanceof String s ? s : null;
    }

    /** A deep, mutable copy. */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }

    static Map<String, Object> copyMap(Map<String, Object> map) {
        return asMap(copy(map));
    }

    /** Tags as strings; a non-string value is rendered with String.valueOf, null tags are dropped. */
    static Map<String, String> tags(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> m = asMap(value);
        if (m != null) {
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v instanceof String s ? s : String.valueOf(v));
                }
            });
        }
        return out;
    }

    /** Removes null values from maps, recursively (list items stay). */
    static void dropNulls(Object value) {
        Map<String, Object> map = asMap(value);
        if (map != null) {
            map.values().removeIf(java.util.Objects::isNull);
            map.values().forEach(JsonValues::dropNulls);
            return;
        }
        List<Object> list = asList(value);
        if (list != null) {
            list.forEach(JsonValues::dropNulls);
        }
    }

    private static final java.util.regex.Pattern TIMESTAMP =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    /**
     * Rewrites ISO-8601 timestamps with an offset to one form (UTC, {@code Z}, at most microseconds):
     * REST prints {@code 2024-03-01T09:12:44.1234567Z}, az {@code 2024-03-01T09:12:44.123456+00:00}.
     */
    static void canonicalTimestamps(Object value) {
        Map<String, Object> map = asMap(value);
        if (map != null) {
            map.replaceAll((k, v) -> v instanceof String s ? timestamp(s) : v);
            map.values().forEach(JsonValues::canonicalTimestamps);
            return;
        }
        List<Object> list = asList(value);
        if (list != null) {
            list.replaceAll(v -> v instanceof String s ? timestamp(s) : v);
            list.forEach(JsonValues::canonicalTimestamps);
        }
    }

    private static String timestamp(String s) {
        if (s.length() < 20 || s.length() > 35 || !TIMESTAMP.matcher(s).matches()) {
            return s;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return s;
        }
    }
}
