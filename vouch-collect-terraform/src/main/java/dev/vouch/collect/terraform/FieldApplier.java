package dev.vouch.collect.terraform;

import dev.vouch.collect.terraform.Mapping.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies mapping {@link Field}s to an evaluated Terraform map, writing REST paths into a document. */
final class FieldApplier {
    private enum State { VALUE, UNKNOWN, MISSING_LEAF, MISSING_PARENT }

    private record Found(State state, Object value) {}

    private final Map<String, List<Field>> fragments;

    FieldApplier(Map<String, List<Field>> fragments) {
        this.fragments = fragments;
    }

    /**
     * @param src the evaluated Terraform attributes (or one block element)
     * @param doc the REST document to write into
     * @param prefix the unknown-path prefix for {@code doc} ("" at the top, {@code properties.securityRules[0].} inside)
     * @param unknowns receives the REST paths whose value could not be resolved
     */
    void apply(List<Field> fields, Map<String, Object> src, Map<String, Object> doc, String prefix, Set<String> unknowns) {
        for (Field f : fields) {
            String context = prefix + f.to();
            try {
                applyOne(f, src, doc, prefix, unknowns);
            } catch (EvalException e) {
                unknowns.add(context);
            }
        }
    }

    private void applyOne(Field f, Map<String, Object> src, Map<String, Object> doc, String prefix, Set<String> unknowns) {
        if (f.value() != null) {
            write(doc, f.to(), f.value());
        } else if (f.exists() != null) {
            Found found = lookup(src, f.exists(), false);
            if (found.state() == State.UNKNOWN) {
                unknowns.add(prefix + f.to());
            } else if (found.state() == State.VALUE && !(found.value() instanceof List<?> l && l.isEmpty())) {
                write(doc, f.to(), f.ifPresent() != null ? f.ifPresent() : Boolean.TRUE);
            } else if (f.defaultValue() != null || f.ifPresent() == null) {
                write(doc, f.to(), f.defaultValue() != null ? f.defaultValue() : Boolean.FALSE);
            }
        } else if (f.fragment() != null && f.each() == null) {
            apply(fragment(f.fragment()), src, doc, prefix, unknowns);
        } else if (f.each() != null) {
            each(f, src, doc, prefix, unknowns);
        } else if (f.concat() != null) {
            concat(f, src, doc, prefix, unknowns);
        } else if (f.conditions() != null) {
            conditions(f, src, doc, prefix, unknowns);
        } else {
            fromPaths(f, src, doc, prefix, unknowns);
        }
    }

    private void fromPaths(Field f, Map<String, Object> src, Map<String, Object> doc, String prefix, Set<String> unknowns) {
        Found found = new Found(State.MISSING_PARENT, null);
        for (String path : f.from()) {
            Found candidate = lookup(src, path);
            if (candidate.state() == State.VALUE || candidate.state() == State.UNKNOWN) {
                found = candidate;
                break;
            } else if (candidate.state() == State.MISSING_LEAF) {
                found = candidate;
            }
        }
        switch (found.state()) {
            case VALUE -> write(doc, f.to(), Conversions.apply(f.convert(), found.value(), prefix + f.to()));
            case UNKNOWN -> unknowns.add(prefix + f.to());
            case MISSING_LEAF -> {
                if (f.defaultValue() != null) {
                    write(doc, f.to(), Conversions.apply(f.convert(), f.defaultValue(), prefix + f.to()));
                }
            }
            default -> { }
        }
    }

    private void each(Field f, Map<String, Object> src, Map<String, Object> doc, String prefix, Set<String> unknowns) {
        Found found = lookupList(src, f.each());
        if (found.state() == State.UNKNOWN) {
            unknowns.add(prefix + f.to());
            return;
        } else if (found.state() != State.VALUE) {
            if (f.defaultValue() != null) {
                write(doc, f.to(), new ArrayList<>());
            }
            return;
        }
        List<Field> itemFields = f.fragment() != null ? fragment(f.fragment()) : f.fields();
        List<Object> items = new ArrayList<>();
        List<?> list = (List<?>) found.value();
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            Object e = list.get(i);
            if (e instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> em = (Map<String, Object>) m;
                apply(itemFields, em, item, prefix + f.to() + "[" + i + "].", unknowns);
            } else {
                unknowns.add(prefix + f.to() + "[" + i + "]");
            }
            items.add(item);
        }
        write(doc, f.to(), items);
    }

    List<Field> fragment(String name) {
        List<Field> fields = fragments.get(name);
        if (fields == null) {
            throw new IllegalStateException("mapping names unknown fragment '" + name + "'");
        }
        return fields;
    }

    private void concat(Field f, Map<String, Object> src, Map<String, Object> doc, String prefix, Set<String> unknowns) {
        List<String> parts = new ArrayList<>();
        for (String path : f.concat()) {
            Found found = lookup(src, path);
            if (found.state() == State.UNKNOWN) {
                unknowns.add(prefix + f.to());
                return;
            } else if (found.state() != State.VALUE) {
                return;
            }
            parts.add(Values.str(found.value()));
        }
        write(doc, f.to(), String.join(f.separator() == null ? "" : f.separator(), parts));
    }

    private void conditions(Field f, Map<String, Object> src, Map<String, Object> doc, String prefix, Set<String> unknowns) {
        List<Object> all = new ArrayList<>();
        for (Mapping.Condition c : f.conditions()) {
            Found found = lookup(src, c.from());
            if (found.state() == State.UNKNOWN) {
                unknowns.add(prefix + f.to());
                return;
            } else if (found.state() == State.VALUE) {
                Map<String, Object> cond = new LinkedHashMap<>();
                cond.put("field", c.field());
                cond.put("equals", found.value());
                all.add(cond);
            }
        }
        write(doc, f.to(), all);
    }

    /** Follows a dotted Terraform path; a block list step takes its first element. */
    private static Found lookup(Map<String, Object> src, String path) {
        return lookup(src, path, true);
    }

    /** @param deep whether an unknown anywhere inside the value makes it unknown (false: presence only) */
    private static Found lookup(Map<String, Object> src, String path, boolean deep) {
        Object cur = src;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (Values.isUnknown(cur)) {
                return new Found(State.UNKNOWN, null);
            }
            if (cur instanceof List<?> l) {
                if (l.isEmpty()) {
                    return new Found(State.MISSING_PARENT, null);
                }
                cur = l.get(0);
            }
            if (!(cur instanceof Map<?, ?> m) || m.get(parts[i]) == null) {
                boolean leaf = i == parts.length - 1 && cur instanceof Map;
                return new Found(leaf ? State.MISSING_LEAF : State.MISSING_PARENT, null);
            }
            cur = m.get(parts[i]);
        }
        return deep && Values.containsUnknown(cur) || Values.isUnknown(cur)
                ? new Found(State.UNKNOWN, null) : new Found(State.VALUE, cur);
    }

    /** Like {@link #lookup} but keeps the final list whole (for {@code each}); unknown elements stay per item. */
    private static Found lookupList(Map<String, Object> src, String path) {
        int dot = path.lastIndexOf('.');
        Object parent = src;
        if (dot > 0) {
            Found p = lookup(src, path.substring(0, dot));
            if (p.state() != State.VALUE) {
                return p;
            }
            parent = p.value() instanceof List<?> l && !l.isEmpty() ? l.get(0) : p.value();
        }
        Object v = parent instanceof Map<?, ?> m ? m.get(path.substring(dot + 1)) : null;
        if (Values.isUnknown(v)) {
            return new Found(State.UNKNOWN, null);
        }
        return v instanceof List ? new Found(State.VALUE, v) : new Found(State.MISSING_LEAF, null);
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> doc, String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> cur = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = cur.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                cur.put(parts[i], next);
            }
            cur = (Map<String, Object>) next;
        }
        cur.put(parts[parts.length - 1], value);
    }
}
