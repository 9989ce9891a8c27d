package dev.vouch.collect.azureoffline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates ARM template expressions over one template's parameters and variables. Values that cannot be
 * known offline become {@link Unresolved#VALUE}; a function whose argument is unresolved is unresolved,
 * except {@code if}/{@code and}/{@code or}/{@code coalesce}, which only look at what they need.
 */
final class TemplateEvaluator {
    /** A template error (bad expression syntax, wrong argument); the message names the expression. */
    static final class TemplateError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TemplateError(String message) {
            super(message);
        }
    }

    private final Map<String, Object> parameterDefs;
    private final Map<String, Object> suppliedValues;
    private final Map<String, Object> variableDefs;
    private final TemplateFunctions functions;
    private final Map<String, Object> variableCache = new LinkedHashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    TemplateEvaluator(Map<String, Object> parameterDefs, Map<String, Object> suppliedValues,
                      Map<String, Object> variableDefs, TemplateFunctions.Deployment deployment) {
        this.parameterDefs = lowerKeys(parameterDefs);
        this.suppliedValues = lowerKeys(suppliedValues);
        this.variableDefs = lowerKeys(variableDefs);
        this.functions = new TemplateFunctions(deployment);
    }

    TemplateFunctions functions() {
        return functions;
    }

    /** Evaluates every expression string inside a JSON-like value; returns a new value. */
    Object evaluate(Object raw) {
        if (raw instanceof String s) {
            return evaluateString(s);
        }
        Map<String, Object> map = JsonValues.asMap(raw);
        if (map != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object key = evaluateString(k);
                out.put(key instanceof String ks ? ks : k, evaluate(v));
            });
            return out;
        }
        List<Object> list = JsonValues.asList(raw);
        if (list != null) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(evaluate(v)));
            return out;
        }
        return raw;
    }

    private Object evaluateString(String s) {
        if (s.startsWith("[[")) {
            return s.substring(1);
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            try {
                return eval(ExprParser.parse(s.substring(1, s.length() - 1)));
            } catch (ExprParser.ParseError e) {
                throw new TemplateError("bad expression " + s + ": " + e.getMessage());
            }
        }
        return s;
    }

    Object eval(Expr e) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        }
        if (e instanceof Expr.Member m) {
            return member(eval(m.target()), m.name());
        }
        if (e instanceof Expr.Index i) {
            return index(eval(i.target()), eval(i.index()));
        }
        return call((Expr.Call) e);
    }

    private Object call(Expr.Call c) {
        String name = c.function().toLowerCase(Locale.ROOT);
        List<Expr> args = c.args();
        return switch (name) {
            case "if" -> conditional(args);
            case "and" -> logical(args, false);
            case "or" -> logical(args, true);
            case "coalesce" -> coalesce(args);
            case "parameters" -> parameter(evalArgs(args));
            case "variables" -> variable(evalArgs(args));
            default -> functions.call(name, evalArgs(args));
        };
    }

    private List<Object> evalArgs(List<Expr> args) {
        List<Object> out = new ArrayList<>(args.size());
        args.forEach(a -> out.add(eval(a)));
        return out;
    }

    private Object conditional(List<Expr> args) {
        TemplateFunctions.arity("if", args.size(), 3);
        Object cond = eval(args.get(0));
        if (cond == Unresolved.VALUE) {
            return Unresolved.VALUE;
        }
        return eval(TemplateFunctions.truthy("if", cond) ? args.get(1) : args.get(2));
    }

    private Object logical(List<Expr> args, boolean decisive) {
        boolean unknown = false;
        for (Expr a : args) {
            Object v = eval(a);
            if (v == Unresolved.VALUE) {
                unknown = true;
            } else if (TemplateFunctions.truthy(decisive ? "or" : "and", v) == decisive) {
                return decisive;
            }
        }
        return unknown ? Unresolved.VALUE : !decisive;
    }

    private Object coalesce(List<Expr> args) {
        for (Expr a : args) {
            Object v = eval(a);
            if (v == Unresolved.VALUE) {
                return Unresolved.VALUE;
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private Object parameter(List<Object> args) {
        String key = TemplateFunctions.nameArg("parameters", args);
        if (key == null) {
            return Unresolved.VALUE;
        }
        if (suppliedValues.containsKey(key)) {
            return suppliedValues.get(key);
        }
        Map<String, Object> def = JsonValues.asMap(parameterDefs.get(key));
        if (def == null) {
            throw new TemplateError("parameters('" + key + "') is not declared");
        }
        return def.containsKey("defaultValue") ? evaluate(def.get("defaultValue")) : Unresolved.VALUE;
    }

    private Object variable(List<Object> args) {
        String key = TemplateFunctions.nameArg("variables", args);
        if (key == null) {
            return Unresolved.VALUE;
        }
        if (variableCache.containsKey(key)) {
            return variableCache.get(key);
        }
        if (!variableDefs.containsKey(key)) {
            throw new TemplateError("variables('" + key + "') is not declared");
        }
        if (!evaluating.add(key)) {
            throw new TemplateError("variables('" + key + "') refers to itself");
        }
        Object value = evaluate(variableDefs.get(key));
        evaluating.remove(key);
        variableCache.put(key, value);
        return value;
    }

    private static Object member(Object target, String name) {
        Map<String, Object> map = JsonValues.asMap(target);
        if (map == null) {
            return Unresolved.VALUE;
        }
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return Unresolved.VALUE;
    }

    private static Object index(Object target, Object index) {
        if (index instanceof String s) {
            return member(target, s);
        }
        List<Object> list = JsonValues.asList(target);
        if (list != null && index instanceof Long n && n >= 0 && n < list.size()) {
            return list.get(n.intValue());
        }
        return Unresolved.VALUE;
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (map != null) {
            map.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return out;
    }
}
