package dev.vouch.collect.terraform;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named value conversions used by the mapping ({@code convert:}). */
final class Conversions {
    private Conversions() {
    }

    static Object apply(String name, Object v, String context) {
        if (name == null || v == null) {
            return v;
        }
        return switch (name) {
            case "enabledDisabled" -> Values.bool(v) ? "Enabled" : "Disabled";
            case "onOff" -> Values.bool(v) ? "On" : "Off";
            case "string" -> Values.str(v);
            case "bool" -> Values.bool(v);
            case "number" -> Values.number(v);
            case "list" -> v instanceof List ? v : List.of(v);
            case "valueObjects" -> wrap(v, "value");
            case "idObjects" -> wrap(v, "id");
            case "epochSeconds" -> epoch(v, context);
            case "ownerRoleIfTrue" -> Values.bool(v) ? List.of("Owner") : List.of();
            default -> throw new IllegalStateException("mapping for " + context + " names unknown conversion '" + name + "'");
        };
    }

    private static Object wrap(Object v, String key) {
        List<Object> out = new ArrayList<>();
        for (Object e : Values.list(v, "value")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, e);
            out.add(m);
        }
        return out;
    }

    private static Object epoch(Object v, String context) {
        try {
            return OffsetDateTime.parse(Values.str(v)).toEpochSecond();
        } catch (DateTimeParseException e) {
            throw new EvalException(context + ": not an RFC 3339 timestamp: " + v);
        }
    }
}
