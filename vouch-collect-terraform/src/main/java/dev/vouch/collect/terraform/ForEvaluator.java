package dev.vouch.collect.terraform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code for} expressions and {@code %{for}} template directives. */
final class ForEvaluator {
    private ForEvaluator() {
    }

    static Object eval(ExprEvaluator ev, Expr.For f, Scope s) {
        Object coll = ev.eval(f.collection(), s);
        if (Values.isUnknown(coll)) {
            return Unknown.VALUE;
        }
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : Values.entries(coll)) {
            Scope inner = s.with(bindings(f.keyVar(), f.valueVar(), entry));
            if (f.condition() != null) {
                Object keep = ev.eval(f.condition(), inner);
                if (Values.isUnknown(keep)) {
                    return Unknown.VALUE;
                } else if (!Values.bool(keep)) {
                    continue;
                }
            }
            Object value = ev.eval(f.value(), inner);
            if (f.key() == null) {
                list.add(value);
                continue;
            }
            Object key = ev.eval(f.key(), inner);
            if (Values.isUnknown(key)) {
                return Unknown.VALUE;
            }
            putKey(map, Values.str(key), value, f.grouping());
        }
        return f.key() == null ? list : map;
    }

    @SuppressWarnings("unchecked")
    private static void putKey(Map<String, Object> map, String key, Object value, boolean grouping) {
        if (grouping) {
            ((List<Object>) map.computeIfAbsent(key, k -> new ArrayList<>())).add(value);
        } else if (map.containsKey(key)) {
            throw new EvalException("duplicate key \"" + key + "\" in for expression (use '...' to group)");
        } else {
            map.put(key, value);
        }
    }

    static Object templateFor(ExprEvaluator ev, Expr.TemplateFor f, Scope s) {
        Object coll = ev.eval(f.collection(), s);
        if (Values.isUnknown(coll)) {
            return Unknown.VALUE;
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Object, Object> entry : Values.entries(coll)) {
            Object part = ev.templateString(f.body(), s.with(bindings(f.keyVar(), f.valueVar(), entry)));
            if (Values.isUnknown(part)) {
                return Unknown.VALUE;
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static Map<String, Object> bindings(String keyVar, String valueVar, Map.Entry<Object, Object> e) {
        Map<String, Object> b = new HashMap<>();
        if (keyVar != null) {
            b.put(keyVar, e.getKey());
        }
        b.put(valueVar, e.getValue());
        return b;
    }
}
