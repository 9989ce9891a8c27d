package dev.vouch.collect.terraform;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a resource body into a map: attributes to values, nested blocks (static or
 * {@code dynamic}) to a list of maps under the block type, so one block and many have the same shape.
 */
final class BodyEvaluator {
    private static final Set<String> META = Set.of("count", "for_each", "provider", "depends_on", "lifecycle",
            "provisioner", "connection", "timeouts");

    private final ExprEvaluator ev;
    private final List<CollectionError> errors;

    BodyEvaluator(ExprEvaluator ev, List<CollectionError> errors) {
        this.ev = ev;
        this.errors = errors;
    }

    Map<String, Object> evalResourceBody(Body body, Scope s, String file, String address) {
        return evalBody(body, s, file, address, true);
    }

    private Map<String, Object> evalBody(Body body, Scope s, String file, String address, boolean top) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Body.Attribute a : body.attributes()) {
            if (!(top && META.contains(a.name()))) {
                out.put(a.name(), evalAttr(a.value(), s, file, a.line(), address + ": attribute '" + a.name() + "'"));
            }
        }
        for (Body.Block b : body.blocks()) {
            if (top && META.contains(b.type())) {
                continue;
            }
            if (b.type().equals("dynamic")) {
                dynamic(b, s, file, address, out);
            } else {
                append(out, b.type(), evalBody(b.body(), s, file, address, false));
            }
        }
        return out;
    }

    Object evalAttr(Expr e, Scope s, String file, int line, String what) {
        try {
            return ev.eval(e, s);
        } catch (EvalException ex) {
            errors.add(new CollectionError(new Origin("terraform", file, line), what + ": " + ex.getMessage()));
            return Unknown.VALUE;
        }
    }

    @SuppressWarnings("unchecked")
    private static void append(Map<String, Object> out, String type, Object item) {
        Object existing = out.get(type);
        if (Values.isUnknown(existing)) {
            return;
        } else if (Values.isUnknown(item)) {
            out.put(type, Unknown.VALUE);
            return;
        }
        List<Object> list = existing instanceof List<?> ? (List<Object>) existing : new ArrayList<>();
        list.add(item);
        out.put(type, list);
    }

    private void dynamic(Body.Block b, Scope s, String file, String address, Map<String, Object> out) {
        String name = b.label(0);
        String iterator = b.body().attribute("iterator")
                .map(a -> a.value() instanceof Expr.Variable v ? v.name() : name).orElse(name);
        Object coll = b.body().attribute("for_each")
                .map(a -> evalAttr(a.value(), s, file, a.line(), address + ": dynamic \"" + name + "\" for_each"))
                .orElse(List.of());
        Body content = b.body().blocks().stream().filter(x -> x.type().equals("content"))
                .map(Body.Block::body).findFirst().orElse(new Body(List.of(), List.of()));
        if (Values.isUnknown(coll)) {
            append(out, name, Unknown.VALUE);
            return;
        }
        List<Map.Entry<Object, Object>> entries;
        try {
            entries = Values.entries(coll);
        } catch (EvalException ex) {
            errors.add(new CollectionError(new Origin("terraform", file, b.line()), address + ": dynamic \"" + name + "\": " + ex.getMessage()));
            append(out, name, Unknown.VALUE);
            return;
        }
        for (Map.Entry<Object, Object> e : entries) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("key", e.getKey());
            it.put("value", e.getValue());
            append(out, name, evalBody(content, s.with(Map.of(iterator, it)), file, address, false));
        }
        if (entries.isEmpty() && !out.containsKey(name)) {
            out.put(name, new ArrayList<>());
        }
    }
}
