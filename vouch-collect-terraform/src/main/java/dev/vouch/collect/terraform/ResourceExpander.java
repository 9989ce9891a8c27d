package dev.vouch.collect.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Expands one {@code resource} block by {@code count} or {@code for_each} into instances. */
final class ResourceExpander {
    private final Scope module;
    private final BodyEvaluator bodies;
    private final String dirLabel;

    ResourceExpander(Scope module, BodyEvaluator bodies, String dirLabel) {
        this.module = module;
        this.bodies = bodies;
        this.dirLabel = dirLabel;
    }

    /** Expands and records the value other expressions see under {@code values.get(key)}. */
    List<TfResource> expand(String key, Body.Block block, String file, Map<String, Object> values) {
        Optional<Body.Attribute> count = block.body().attribute("count");
        Optional<Body.Attribute> forEach = block.body().attribute("for_each");
        List<TfResource> out = new ArrayList<>();
        if (count.isPresent()) {
            Object n = bodies.evalAttr(count.get().value(), module, file, count.get().line(), key + ": count");
            if (Values.isUnknown(n)) {
                out.add(instance(key, key, block, file, Map.of("count", Unknown.VALUE)));
                values.put(key, Unknown.VALUE);
                return out;
            }
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < Values.lng(n); i++) {
                TfResource r = instance(key, key + "[" + i + "]", block, file, Map.of("count", Map.of("index", i)));
                out.add(r);
                list.add(asValue(r));
            }
            values.put(key, list);
        } else if (forEach.isPresent()) {
            Object coll = bodies.evalAttr(forEach.get().value(), module, file, forEach.get().line(), key + ": for_each");
            if (Values.isUnknown(coll) || Values.containsUnknown(coll)) {
                out.add(instance(key, key, block, file, Map.of("each", Unknown.VALUE)));
                values.put(key, Unknown.VALUE);
                return out;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : Values.entries(coll)) {
                String k = Values.str(coll instanceof List ? e.getValue() : e.getKey());
                Map<String, Object> each = new LinkedHashMap<>();
                each.put("key", k);
                each.put("value", coll instanceof List ? k : e.getValue());
                TfResource r = instance(key, key + "[\"" + k + "\"]", block, file, Map.of("each", each));
                out.add(r);
                map.put(k, asValue(r));
            }
            values.put(key, map);
        } else {
            TfResource r = instance(key, key, block, file, Map.of());
            out.add(r);
            values.put(key, asValue(r));
        }
        return out;
    }

    private TfResource instance(String key, String address, Body.Block block, String file, Map<String, Object> bindings) {
        Scope s = bindings.isEmpty() ? module : module.with(bindings);
        Map<String, Object> attrs = bodies.evalResourceBody(block.body(), s, file, address);
        return new TfResource(block.label(0), address, dirLabel + "/" + address, file, block.line(), attrs);
    }

    private static InstanceValue asValue(TfResource r) {
        InstanceValue v = new InstanceValue(r.attributes());
        v.put("id", r.id());
        return v;
    }
}
