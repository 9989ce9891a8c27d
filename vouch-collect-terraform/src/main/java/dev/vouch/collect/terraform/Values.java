package dev.vouch.collect.terraform;

import java.math.BigDecimal;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers over evaluated HCL values: String, Long, Double, Boolean, List, Map, null and {@link Unknown}. */
final class Values {
    private Values() {
    }

    static boolean isUnknown(Object v) {
        return v == Unknown.VALUE;
    }

    static boolean containsUnknown(Object v) {
        if (v == Unknown.VALUE) {
            return true;
        } else if (v instanceof List<?> l) {
            return l.stream().anyMatch(Values::containsUnknown);
        } else if (v instanceof Map<?, ?> m) {
            return m.values().stream().anyMatch(Values::containsUnknown);
        }
        return false;
    }

    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        } else if (v instanceof Long || v instanceof Double) {
            return "number";
        } else if (v instanceof Boolean) {
            return "bool";
        } else if (v instanceof List) {
            return "list";
        } else if (v instanceof Map) {
            return "object";
        }
        return v == Unknown.VALUE ? "unknown" : v.getClass().getSimpleName();
    }

    /** The string form Terraform uses when a primitive is converted to string. */
    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        } else if (v instanceof Long || v instanceof Boolean) {
            return v.toString();
        } else if (v instanceof Double d) {
            return formatDouble(d);
        }
        throw new EvalException("cannot convert " + typeName(v) + " to string");
    }

    static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    static Object number(Object v) {
        if (v instanceof Long || v instanceof Double) {
            return v;
        } else if (v instanceof String s) {
            try {
                return s.matches("-?\\d+") ? (Object) Long.parseLong(s) : (Object) Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new EvalException("cannot convert \"" + s + "\" to number");
            }
        }
        throw new EvalException("a number is required, got " + typeName(v));
    }

    static double dbl(Object v) {
        return ((Number) number(v)).doubleValue();
    }

    static long lng(Object v) {
        Object n = number(v);
        if (n instanceof Double d) {
            if (d != Math.rint(d)) {
                throw new EvalException("a whole number is required, got " + formatDouble(d));
            }
            return d.longValue();
        }
        return (Long) n;
    }

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        } else if ("true".equals(v)) {
            return true;
        } else if ("false".equals(v)) {
            return false;
        }
        throw new EvalException("a bool is required, got " + typeName(v));
    }

    static boolean equal(Object a, Object b) {
        if ((a instanceof Long || a instanceof Double) && (b instanceof Long || b instanceof Double)) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!equal(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) {
                return false;
            }
            return ma.keySet().stream().allMatch(k -> equal(ma.get(k), mb.get(k)));
        }
        return java.util.Objects.equals(a, b);
    }

    static List<?> list(Object v, String what) {
        if (v instanceof List<?> l) {
            return l;
        }
        throw new EvalException(what + " must be a list, got " + typeName(v));
    }

    static Map<?, ?> map(Object v, String what) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new EvalException(what + " must be a map or object, got " + typeName(v));
    }

    /** Iteration entries as Terraform orders them: lists by index, maps by key (lexically). */
    static List<Map.Entry<Object, Object>> entries(Object coll) {
        List<Map.Entry<Object, Object>> out = new ArrayList<>();
        if (coll instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(new AbstractMap.SimpleImmutableEntry<>((long) i, l.get(i)));
            }
        } else if (coll instanceof Map<?, ?> m) {
            new TreeMap<Object, Object>(m).forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        } else {
            throw new EvalException("cannot iterate over " + typeName(coll));
        }
        return out;
    }
}
