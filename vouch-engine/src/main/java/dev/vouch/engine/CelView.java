package dev.vouch.engine;

import dev.cel.runtime.CelAttribute;
import dev.cel.runtime.CelAttributePattern;
import dev.vouch.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a {@link Resource} into the map CEL sees as {@code resource} (docs/resource-types.md). */
final class CelView {
    private CelView() {
    }

    static Map<String, Object> of(Resource r) {
        Map<String, Object> m = new HashMap<>();
        for (Map.Entry<String, Object> e : r.attributes().entrySet()) {
            Object v = e.getValue();
            m.put(e.getKey(), needsConvert(v) ? convert(v) : v);
        }
        m.put("type", r.type());
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("provider", r.provider());
        m.put("scope", r.scope());
        m.put("location", r.location());
        m.put("tags", r.tags());
        m.put("properties", needsConvert(r.properties()) ? convert(r.properties()) : r.properties());
        return m;
    }

    /** True when a value holds a null or a non-canonical number, i.e. CEL cannot take it as it is. */
    static boolean needsConvert(Object v) {
        if (v == null || v instanceof Integer || v instanceof Short || v instanceof Float
                || v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger) {
            return true;
        }
        if (v instanceof Map<?, ?> map) {
            for (Object o : map.values()) {
                if (needsConvert(o)) {
                    return true;
                }
            }
        } else if (v instanceof List<?> list) {
            for (Object o : list) {
                if (needsConvert(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Deep copy with JSON nulls as CEL nulls and every integer as Long. */
    static Object convert(Object v) {
        if (v == null) {
            return CelEnvironment.celNull();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new HashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(String.valueOf(e.getKey()), convert(e.getValue()));
            }
            return out;
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(convert(o));
            }
            return out;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Short s) {
            return s.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.doubleValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.longValue();
        }
        return v;
    }

    /** {@code properties.a.b[0].c} → the attribute pattern {@code resource.properties.a.b[0].c}. */
    static CelAttributePattern unknownPattern(String path) {
        CelAttributePattern p = CelAttributePattern.create("resource");
        for (String part : path.split("\\.")) {
            String name = part;
            List<Long> indexes = new ArrayList<>();
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                name = part.substring(0, bracket);
                for (String idx : part.substring(bracket + 1).split("\\[")) {
                    indexes.add(Long.parseLong(idx.replace("]", "").trim()));
                }
            }
            if (!name.isEmpty()) {
                p = p.qualify(CelAttribute.Qualifier.ofString(name));
            }
            for (Long i : indexes) {
                p = p.qualify(CelAttribute.Qualifier.ofInt(i));
            }
        }
        return p;
    }
}
