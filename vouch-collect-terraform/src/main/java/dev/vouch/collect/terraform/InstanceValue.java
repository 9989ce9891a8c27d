package dev.vouch.collect.terraform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of a resource instance when another expression refers to it. Attributes it does not
 * set are computed by the provider, so reading them yields {@link Unknown} rather than an error.
 */
final class InstanceValue extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    InstanceValue(Map<String, Object> attributes) {
        super(attributes);
    }

    /**
     * A value read from inside an instance keeps instance semantics: a nested block's object (or a
     * list of them, as blocks are) also has provider-computed attributes, e.g. {@code identity[0].principal_id}.
     */
    @SuppressWarnings("unchecked")
    static Object inside(Object v) {
        if (v instanceof InstanceValue) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return new InstanceValue((Map<String, Object>) m);
        }
        if (v instanceof java.util.List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
            return l.stream().map(InstanceValue::inside).toList();
        }
        return v;
    }
}
