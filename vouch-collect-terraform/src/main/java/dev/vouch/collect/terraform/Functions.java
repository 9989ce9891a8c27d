package dev.vouch.collect.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Terraform's built-in functions that can be evaluated statically. A function that depends on the
 * filesystem, time or randomness, or that is not implemented, returns {@link Unknown}.
 */
final class Functions {
    /** Functions that inspect nested elements, so any unknown inside an argument makes the result unknown. */
    private static final Set<String> DEEP = Set.of("jsonencode", "join", "contains", "distinct", "toset", "min",
            "max", "format", "formatlist", "sort", "index", "sum", "compact", "tostring", "tonumber", "tobool");

    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private final StringFunctions strings = new StringFunctions();

    Object call(String name, List<Object> args) {
        if (name.equals("coalesce")) {
            return coalesce(args);
        }
        for (Object a : args) {
            if (Values.isUnknown(a) || (DEEP.contains(name) && Values.containsUnknown(a))) {
                return Unknown.VALUE;
            }
        }
        if (strings.handles(name)) {
            return strings.call(name, args);
        }
        return switch (name) {
            case "jsonencode" -> jsonencode(arg(args, 0, name));
            case "jsondecode" -> jsondecode(Values.str(arg(args, 0, name)));
            case "merge" -> merge(args);
            case "lookup" -> lookup(args);
            case "concat" -> concat(args);
            case "length" -> length(arg(args, 0, name));
            case "tolist", "toset" -> name.equals("toset") ? toset(arg(args, 0, name)) : Values.list(arg(args, 0, name), name);
            case "tomap" -> new LinkedHashMap<>(Values.map(arg(args, 0, name), name));
            case "tostring" -> arg(args, 0, name) == null ? null : Values.str(arg(args, 0, name));
            case "tonumber" -> arg(args, 0, name) == null ? null : Values.number(arg(args, 0, name));
            case "tobool" -> arg(args, 0, name) == null ? null : Values.bool(arg(args, 0, name));
            case "coalescelist" -> args.stream().filter(a -> a instanceof List<?> l && !l.isEmpty()).findFirst().orElse(List.of());
            case "contains" -> Values.list(arg(args, 0, name), name).stream().anyMatch(e -> Values.equal(e, arg(args, 1, name)));
            case "keys" -> new ArrayList<>(new TreeMap<>(Values.map(arg(args, 0, name), name)).keySet());
            case "values" -> new ArrayList<>(new TreeMap<>(Values.map(arg(args, 0, name), name)).values());
            case "flatten" -> flatten(Values.list(arg(args, 0, name), name), new ArrayList<>());
            case "distinct" -> distinct(Values.list(arg(args, 0, name), name));
            case "element" -> element(args);
            case "index" -> index(args);
            case "min", "max" -> minMax(name, args);
            case "sum" -> sum(Values.list(arg(args, 0, name), name));
            case "abs" -> arg(args, 0, name) instanceof Long l ? (Object) Math.abs(l) : (Object) Math.abs(Values.dbl(arg(args, 0, name)));
            case "ceil" -> (long) Math.ceil(Values.dbl(arg(args, 0, name)));
            case "floor" -> (long) Math.floor(Values.dbl(arg(args, 0, name)));
            case "range" -> range(args);
            case "zipmap" -> zipmap(args);
            case "compact" -> Values.list(arg(args, 0, name), name).stream().filter(e -> e != null && !"".equals(e)).toList();
            case "sort" -> Values.list(arg(args, 0, name), name).stream().map(Values::str).sorted().toList();
            case "reverse" -> reverse(Values.list(arg(args, 0, name), name));
            case "one" -> one(Values.list(arg(args, 0, name), name));
            case "slice" -> slice(args);
            default -> Unknown.VALUE;
        };
    }

    static Object arg(List<Object> args, int i, String fn) {
        if (i >= args.size()) {
            throw new EvalException(fn + "() needs at least " + (i + 1) + " argument(s), got " + args.size());
        }
        return args.get(i);
    }

    private String jsonencode(Object v) {
        try {
            return json.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new EvalException("jsonencode: " + e.getOriginalMessage());
        }
    }

    private Object jsondecode(String s) {
        try {
            return json.readValue(s, Object.class);
        } catch (JsonProcessingException e) {
            throw new EvalException("jsondecode: invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static Object merge(List<Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object a : args) {
            if (a != null) {
                Values.map(a, "merge argument").forEach((k, v) -> out.put(String.valueOf(k), v));
            }
        }
        return out;
    }

    private static Object lookup(List<Object> args) {
        Map<?, ?> m = Values.map(arg(args, 0, "lookup"), "lookup");
        String key = Values.str(arg(args, 1, "lookup"));
        if (m.containsKey(key)) {
            return m.get(key);
        } else if (args.size() > 2) {
            return args.get(2);
        }
        throw new EvalException("lookup: key \"" + key + "\" not found and no default given");
    }

    private static Object concat(List<Object> args) {
        List<Object> out = new ArrayList<>();
        for (Object a : args) {
            out.addAll(Values.list(a, "concat argument"));
        }
        return out;
    }

    private static Object length(Object v) {
        if (v instanceof String s) {
            return (long) s.codePointCount(0, s.length());
        } else if (v instanceof List<?> l) {
            return (long) l.size();
        } else if (v instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        throw new EvalException("length: unsupported type " + Values.typeName(v));
    }

    private static Object toset(Object v) {
        List<?> l = Values.list(v, "toset");
        List<Object> out = new ArrayList<>(new LinkedHashSet<>(l));
        if (out.stream().allMatch(e -> e instanceof String)) {
            out.sort(Comparator.comparing(String::valueOf));
        }
        return out;
    }

    /**
     * As Terraform: the first argument that is neither null nor an empty string, read left to right;
     * an unknown argument reached before one is found makes the result unknown, one after it does not.
     */
    private static Object coalesce(List<Object> args) {
        for (Object a : args) {
            if (Values.isUnknown(a)) {
                return Unknown.VALUE;
            }
            if (a != null && !"".equals(a)) {
                return a;
            }
        }
        throw new EvalException("coalesce: no non-null, non-empty argument");
    }

    private static List<Object> flatten(List<?> l, List<Object> out) {
        for (Object e : l) {
            if (e instanceof List<?> inner) {
                flatten(inner, out);
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static Object distinct(List<?> l) {
        List<Object> out = new ArrayList<>();
        for (Object e : l) {
            if (out.stream().noneMatch(o -> Values.equal(o, e))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Object element(List<Object> args) {
        List<?> l = Values.list(arg(args, 0, "element"), "element");
        if (l.isEmpty()) {
            throw new EvalException("element: cannot use element() with an empty list");
        }
        long i = Values.lng(arg(args, 1, "element"));
        return l.get((int) Math.floorMod(i, (long) l.size()));
    }

    private static Object index(List<Object> args) {
        List<?> l = Values.list(arg(args, 0, "index"), "index");
        for (int i = 0; i < l.size(); i++) {
            if (Values.equal(l.get(i), arg(args, 1, "index"))) {
                return (long) i;
            }
        }
        throw new EvalException("index: item not found");
    }

    private static Object minMax(String name, List<Object> args) {
        if (args.isEmpty()) {
            throw new EvalException(name + "() needs at least one argument");
        }
        Object best = Values.number(args.get(0));
        for (Object a : args) {
            Object n = Values.number(a);
            double d = ((Number) n).doubleValue();
            double b = ((Number) best).doubleValue();
            if (name.equals("min") ? d < b : d > b) {
                best = n;
            }
        }
        return best;
    }

    private static Object sum(List<?> l) {
        Object acc = 0L;
        for (Object e : l) {
            acc = Arithmetic.apply("+", acc, e);
        }
        return acc;
    }

    private static Object range(List<Object> args) {
        long start = args.size() > 1 ? Values.lng(args.get(0)) : 0;
        long end = Values.lng(args.size() > 1 ? args.get(1) : arg(args, 0, "range"));
        long step = args.size() > 2 ? Values.lng(args.get(2)) : (start <= end ? 1 : -1);
        if (step == 0 || Math.abs((end - start) / step) > 1024) {
            throw new EvalException("range: invalid or too large range");
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < end : i > end; i += step) {
            out.add(i);
        }
        return out;
    }

    private static Object zipmap(List<Object> args) {
        List<?> k = Values.list(arg(args, 0, "zipmap"), "zipmap keys");
        List<?> v = Values.list(arg(args, 1, "zipmap"), "zipmap values");
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(k.size(), v.size()); i++) {
            out.put(Values.str(k.get(i)), v.get(i));
        }
        return out;
    }

    private static Object reverse(List<?> l) {
        List<Object> out = new ArrayList<>(l);
        java.util.Collections.reverse(out);
        return out;
    }

    private static Object one(List<?> l) {
        if (l.size() > 1) {
            throw new EvalException("one: list has " + l.size() + " elements");
        }
        return l.isEmpty() ? null : l.get(0);
    }

    private static Object slice(List<Object> args) {
        List<?> l = Values.list(arg(args, 0, "slice"), "slice");
        int from = (int) Values.lng(arg(args, 1, "slice"));
        int to = (int) Values.lng(arg(args, 2, "slice"));
        if (from < 0 || to > l.size() || from > to) {
            throw new EvalException("slice: indices out of range");
        }
        return new ArrayList<>(l.subList(from, to));
    }
}
