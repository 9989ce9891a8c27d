package dev.vouch.collect.terraform;

import dev.vouch.collect.terraform.Expr.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluates an {@link Expr} in a {@link Scope}. Unresolvable values are {@link Unknown}, which propagates. */
final class ExprEvaluator {
    private final Functions functions = new Functions();

    Object eval(Expr e, Scope s) {
        if (e instanceof Expr.Literal l) {
            return l.value();
        } else if (e instanceof Expr.Template t) {
            return template(t, s);
        } else if (e instanceof Expr.Variable || e instanceof Expr.GetAttr || e instanceof Expr.Index) {
            return traversal(e, s);
        } else if (e instanceof Expr.Splat sp) {
            return splat(sp, s);
        } else if (e instanceof Expr.Tuple t) {
            List<Object> out = new ArrayList<>();
            t.items().forEach(i -> out.add(eval(i, s)));
            return out;
        } else if (e instanceof Expr.ObjectCons o) {
            return object(o, s);
        } else if (e instanceof Expr.Call c) {
            return call(c, s);
        } else if (e instanceof Expr.Unary u) {
            return unary(u, s);
        } else if (e instanceof Expr.Binary b) {
            return binary(b, s);
        } else if (e instanceof Expr.Conditional c) {
            Object cond = eval(c.condition(), s);
            return Values.isUnknown(cond) ? Unknown.VALUE : eval(Values.bool(cond) ? c.then() : c.otherwise(), s);
        } else if (e instanceof Expr.For f) {
            return ForEvaluator.eval(this, f, s);
        } else if (e instanceof Expr.Parens p) {
            return eval(p.inner(), s);
        }
        throw new EvalException("template directive outside a template");
    }

    private Object template(Expr.Template t, Scope s) {
        if (t.parts().size() == 1 && !(t.parts().get(0) instanceof Expr.Literal l && l.value() instanceof String)) {
            return eval(t.parts().get(0), s);
        }
        StringBuilder sb = new StringBuilder();
        boolean unknown = false;
        for (Expr part : t.parts()) {
            Object v = part instanceof Expr.TemplateIf ti ? templateIf(ti, s)
                    : part instanceof Expr.TemplateFor tf ? ForEvaluator.templateFor(this, tf, s)
                    : eval(part, s);
            if (Values.isUnknown(v)) {
                unknown = true;
            } else if (v == null) {
                throw new EvalException("cannot include a null value in a string template");
            } else if (!unknown) {
                sb.append(Values.str(v));
            }
        }
        return unknown ? Unknown.VALUE : sb.toString();
    }

    private Object templateIf(Expr.TemplateIf t, Scope s) {
        Object cond = eval(t.condition(), s);
        if (Values.isUnknown(cond)) {
            return Unknown.VALUE;
        }
        Object v = template(Values.bool(cond) ? t.then() : t.otherwise(), s);
        return v instanceof String || Values.isUnknown(v) ? v : Values.str(v);
    }

    Object templateString(Expr.Template t, Scope s) {
        Object v = template(t, s);
        return v instanceof String || Values.isUnknown(v) ? v : Values.str(v);
    }

    private Object traversal(Expr e, Scope s) {
        List<Object> steps = new ArrayList<>();
        Expr cur = e;
        while (cur instanceof Expr.GetAttr || cur instanceof Expr.Index) {
            if (cur instanceof Expr.GetAttr g) {
                steps.add(0, new Step.Attr(g.name()));
                cur = g.source();
            } else {
                Expr.Index i = (Expr.Index) cur;
                steps.add(0, new Step.Key(i.key()));
                cur = i.source();
            }
        }
        Object value;
        int from = 0;
        if (cur instanceof Expr.Variable v) {
            List<String> names = new ArrayList<>();
            for (Object st : steps) {
                if (!(st instanceof Step.Attr a)) {
                    break;
                }
                names.add(a.name());
            }
            Scope.Resolved r = s.resolve(v.name(), names);
            value = r.value();
            from = r.consumed();
        } else {
            value = eval(cur, s);
        }
        for (int i = from; i < steps.size(); i++) {
            value = step(value, (Step) steps.get(i), s);
        }
        return value;
    }

    Object step(Object value, Step step, Scope s) {
        if (Values.isUnknown(value)) {
            return Unknown.VALUE;
        }
        if (step instanceof Step.Attr a) {
            if (value instanceof Map<?, ?> m) {
                if (m.containsKey(a.name())) {
                    return value instanceof InstanceValue ? InstanceValue.inside(m.get(a.name())) : m.get(a.name());
                } else if (value instanceof InstanceValue) {
                    return Unknown.VALUE;
                }
                throw new EvalException("object has no attribute \"" + a.name() + "\"");
            }
            throw new EvalException("cannot read attribute \"" + a.name() + "\" of " + Values.typeName(value));
        }
        Object key = eval(((Step.Key) step).key(), s);
        if (Values.isUnknown(key)) {
            return Unknown.VALUE;
        } else if (value instanceof List<?> l) {
            long i = Values.lng(key);
            if (i < 0 || i >= l.size()) {
                throw new EvalException("index " + i + " out of range for list of length " + l.size());
            }
            return l.get((int) i);
        } else if (value instanceof Map<?, ?> m) {
            String k = Values.str(key);
            if (!m.containsKey(k)) {
                throw new EvalException("no element with key \"" + k + "\"");
            }
            return m.get(k);
        }
        throw new EvalException("cannot index " + Values.typeName(value));
    }

    private Object splat(Expr.Splat sp, Scope s) {
        Object src = eval(sp.source(), s);
        if (Values.isUnknown(src)) {
            return Unknown.VALUE;
        }
        List<?> items = src == null ? List.of() : src instanceof List<?> l ? l : List.of(src);
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object v = item;
            for (Step st : sp.each()) {
                v = step(v, st, s);
            }
            out.add(v);
        }
        return out;
    }

    private Object object(Expr.ObjectCons o, Scope s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Expr.Item item : o.items()) {
            Object k = eval(item.key(), s);
            if (Values.isUnknown(k)) {
                return Unknown.VALUE;
            }
            out.put(Values.str(k), eval(item.value(), s));
        }
        return out;
    }

    private Object call(Expr.Call c, Scope s) {
        if (c.name().equals("try")) {
            for (Expr a : c.args()) {
                try {
                    return eval(a, s);
                } catch (EvalException ignored) {
                    // try the next alternative
                }
            }
            throw new EvalException("try: no expression succeeded");
        } else if (c.name().equals("can")) {
            try {
                if (c.args().size() != 1) {
                    throw new EvalException("can() takes exactly one argument");
                }
                Object v = eval(c.args().get(0), s);
                return Values.isUnknown(v) ? Unknown.VALUE : Boolean.TRUE;
            } catch (EvalException ex) {
                if (ex.getMessage().startsWith("can()")) {
                    throw ex;
                }
                return Boolean.FALSE;
            }
        }
        List<Object> args = new ArrayList<>();
        c.args().forEach(a -> args.add(eval(a, s)));
        if (c.expandLast() && !args.isEmpty()) {
            Object last = args.remove(args.size() - 1);
            if (Values.isUnknown(last)) {
                return Unknown.VALUE;
            }
            args.addAll(Values.list(last, "expanded argument of " + c.name()));
        }
        try {
            return functions.call(c.name(), args);
        } catch (EvalException ex) {
            throw new EvalException(c.name() + "(): " + ex.getMessage());
        }
    }

    private Object unary(Expr.Unary u, Scope s) {
        Object v = eval(u.operand(), s);
        if (Values.isUnknown(v)) {
            return Unknown.VALUE;
        } else if (u.op().equals("!")) {
            return !Values.bool(v);
        }
        Object n = Values.number(v);
        return n instanceof Long l ? (Object) (-l) : (Object) (-(Double) n);
    }

    private Object binary(Expr.Binary b, Scope s) {
        Object left = eval(b.left(), s);
        if (b.op().equals("&&") || b.op().equals("||")) {
            boolean and = b.op().equals("&&");
            if (!Values.isUnknown(left) && Values.bool(left) != and) {
                return !and;
            }
            Object right = eval(b.right(), s);
            if (!Values.isUnknown(right) && Values.bool(right) != and) {
                return !and;
            }
            return Values.isUnknown(left) || Values.isUnknown(right) ? Unknown.VALUE : and;
        }
        return Arithmetic.apply(b.op(), left, eval(b.right(), s));
    }
}
