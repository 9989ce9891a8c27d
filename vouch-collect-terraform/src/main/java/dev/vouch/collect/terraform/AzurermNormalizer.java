package dev.vouch.collect.terraform;

import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns evaluated Terraform resources of one root module into Vouch resources with ARM REST
 * property names, driven by the declarative {@link Mapping}.
 */
final class AzurermNormalizer {
    private final Mapping mapping;
    private final FieldApplier fields;

    AzurermNormalizer(Mapping mapping) {
        this.mapping = mapping;
        this.fields = new FieldApplier(mapping.fragments());
    }

    /** Mutable output for one resource before it is built. */
    private record Draft(String type, String id, String name, TfResource src, Map<String, Object> doc, Set<String> unknowns) {}

    List<Resource> normalize(List<TfResource> module, String scope, Instant at) {
        List<Draft> drafts = new ArrayList<>();
        List<TfResource> merges = new ArrayList<>();
        for (TfResource r : module) {
            Mapping.TypeMapping tm = mapping.types().get(r.type());
            if (tm != null && tm.mergeInto() != null) {
                merges.add(r);
            } else {
                drafts.addAll(draft(r, tm));
            }
        }
        merges.forEach(r -> merge(r, mapping.types().get(r.type()), module, drafts));
        List<Resource> out = new ArrayList<>();
        drafts.forEach(d -> out.add(build(d, scope, at)));
        return out;
    }

    private List<Draft> draft(TfResource r, Mapping.TypeMapping tm) {
        Set<String> unknowns = new LinkedHashSet<>();
        Map<String, Object> doc = new LinkedHashMap<>();
        if (tm == null) {
            FieldApplier.write(doc, "properties.terraformType", r.type());
            String type = r.type().startsWith("azurerm_") ? "azure.unmapped" : "terraform.unmapped";
            return List.of(new Draft(type, r.id(), name(r, null), r, doc, unknowns));
        }
        fields.apply(tm.fields(), r.attributes(), doc, "", unknowns);
        String name = name(r, tm.name());
        List<Draft> out = new ArrayList<>();
        out.add(new Draft(tm.type(), r.id(), name, r, doc, unknowns));
        for (Mapping.Child c : tm.children()) {
            child(r, name, c).ifPresent(out::add);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private java.util.Optional<Draft> child(TfResource r, String parentName, Mapping.Child c) {
        Object block = c.block() == null || c.block().isEmpty() ? r.attributes() : r.attributes().get(c.block());
        Set<String> unknowns = new LinkedHashSet<>();
        Map<String, Object> src;
        if (Values.isUnknown(block)) {
            unknowns.add("properties");
            src = Map.of();
        } else if (block instanceof Map<?, ?> m) {
            src = (Map<String, Object>) m;
        } else if (block instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> m) {
            src = (Map<String, Object>) m;
        } else if (c.always()) {
            src = Map.of();
        } else {
            return java.util.Optional.empty();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        fields.apply(c.fields(), src, doc, "", unknowns);
        String name = parentName + "/" + (c.nameSuffix() == null ? "default" : c.nameSuffix());
        TfResource origin = new TfResource(r.type(), r.address(), r.id() + c.idSuffix(), r.file(), r.line(), r.attributes());
        return java.util.Optional.of(new Draft(c.type(), origin.id(), name, origin, doc, unknowns));
    }

    private static String name(TfResource r, Mapping.NameSpec spec) {
        List<String> from = spec == null || spec.from() == null ? List.of("name") : spec.from();
        for (String f : from) {
            Object v = r.attributes().get(f);
            if (v instanceof String s) {
                return s;
            }
        }
        return spec != null && spec.defaultValue() != null ? spec.defaultValue() : r.address();
    }

    @SuppressWarnings("unchecked")
    private void merge(TfResource rule, Mapping.TypeMapping tm, List<TfResource> module, List<Draft> drafts) {
        Mapping.Merge m = tm.mergeInto();
        boolean unresolved = false;
        Draft target = null;
        for (Draft d : drafts) {
            if (!d.src().type().equals(m.type()) || !d.id().equals(d.src().id())) {
                continue;
            }
            boolean all = true;
            for (Map.Entry<String, String> e : m.match().entrySet()) {
                Object mine = rule.attributes().get(e.getKey());
                Object theirs = d.src().attributes().get(e.getValue());
                unresolved |= Values.isUnknown(mine) || Values.isUnknown(theirs);
                all &= mine != null && Values.equal(mine, theirs) && !Values.isUnknown(mine);
            }
            if (all) {
                target = d;
                break;
            }
        }
        if (target == null) {
            if (unresolved) {
                drafts.stream().filter(d -> d.src().type().equals(m.type())).forEach(d -> d.unknowns().add(m.list()));
            }
            drafts.add(draft(rule, null).get(0));
            return;
        }
        Object existing = target.doc().get("properties") instanceof Map<?, ?> p ? ((Map<String, Object>) p).get(m.list().substring("properties.".length())) : null;
        List<Object> list = existing instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
        Map<String, Object> item = new LinkedHashMap<>();
        fields.apply(tm.fields(), rule.attributes(), item, m.list() + "[" + list.size() + "].", target.unknowns());
        list.add(item);
        FieldApplier.write(target.doc(), m.list(), list);
    }

    @SuppressWarnings("unchecked")
    private static Resource build(Draft d, String scope, Instant at) {
        Map<String, Object> attrs = d.src().attributes();
        Map<String, Object> doc = new LinkedHashMap<>(d.doc());
        Object props = doc.remove("properties");
        Resource.Builder b = Resource.builder(d.type(), d.id())
                .name(d.name())
                .provider(d.type().startsWith("azure.") ? "azure" : d.src().type().split("_", 2)[0])
                .scope(scope)
                .properties(props instanceof Map<?, ?> ? (Map<String, Object>) props : new LinkedHashMap<>())
                .attributes(doc)
                .origin(new Origin("terraform", d.src().file(), d.src().line()))
                .collectedAt(at)
                .unknowns(d.unknowns());
        Object location = attrs.get("location");
        if (location instanceof String s) {
            b.location(s);
        } else if (Values.isUnknown(location)) {
            b.unknown("location");
        }
        b.tags(tags(attrs.get("tags"), b));
        return b.build();
    }

    private static Map<String, String> tags(Object tags, Resource.Builder b) {
        Map<String, String> out = new LinkedHashMap<>();
        if (Values.isUnknown(tags)) {
            b.unknown("tags");
        } else if (tags instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (Values.isUnknown(v)) {
                    b.unknown("tags." + k);
                } else if (v != null && !(v instanceof Map) && !(v instanceof List)) {
                    out.put(String.valueOf(k), Values.str(v));
                }
            });
        }
        return out;
    }
}
