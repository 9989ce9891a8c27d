package dev.vouch.engine;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.vouch.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Indexes related resources for declared joins: built once per (type, on-expression, match) per
 * evaluation, so a join costs O(related) to build and O(1) per subject, never O(subjects × related).
 */
final class JoinIndex {
    private final Map<String, List<Resource>> byType;
    private final Function<Resource, Map<String, Object>> view;
    private final Map<String, Map<String, List<Object>>> indexes = new ConcurrentHashMap<>();
    /** Per join index: key → reasons why related resources with that key could not be read. */
    private final Map<String, Map<String, List<String>>> unreadable = new ConcurrentHashMap<>();

    JoinIndex(Map<String, List<Resource>> byType, Function<Resource, Map<String, Object>> view) {
        this.byType = byType;
        this.view = view;
    }

    /** The related views for a subject, keyed by join name. */
    Map<String, Object> related(List<Check.Join> joins, List<CelRuntime.Program> onPrograms,
            List<CelRuntime.Program> keyPrograms, Resource subject) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < joins.size(); i++) {
            Check.Join j = joins.get(i);
            CelRuntime.Program on = onPrograms.get(i);
            Map<String, List<Object>> index = indexes.computeIfAbsent(j.indexKey(), k -> build(j, on));
            String key = subjectKey(j, keyPrograms.get(i), subject).toLowerCase(Locale.ROOT);
            out.put(j.name(), index.getOrDefault(key, List.of()));
            List<String> why = unreadable.getOrDefault(j.indexKey(), Map.of()).get(key);
            if (why != null) {
                out.put(UNREADABLE, List.copyOf(why));
            }
        }
        return out;
    }

    private String subjectKey(Check.Join j, CelRuntime.Program keyProgram, Resource subject) {
        return switch (j.match()) {
            case ID -> subject.id();
            case SCOPE -> subject.scope();
            case KEY -> {
                try {
                    Object k = keyProgram.eval(Map.of("resource", view.apply(subject)));
                    yield k instanceof String s ? s : "";
                } catch (CelEvaluationException e) {
                    yield ""; // a subject without the key relates to nothing
                }
            }
        };
    }

    /** Marks, in the result of {@link #related}, the reasons why some related resource could not be read. */
    static final String UNREADABLE = "\u0000unreadable";

    private Map<String, List<Object>> build(Check.Join j, CelRuntime.Program on) {
        Map<String, List<Object>> index = new HashMap<>();
        Map<String, List<String>> errors = new HashMap<>();
        for (Resource candidate : byType.getOrDefault(j.type(), List.of())) {
            Map<String, Object> v = view.apply(candidate);
            Object keys;
            try {
                keys = on.eval(Map.of("candidate", v));
            } catch (CelEvaluationException e) {
                continue; // a candidate without the key field relates to nothing
            }
            for (String k : keys(keys)) {
                index.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(v);
                if (candidate.hasErrors()) {
                    errors.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                            .add(candidate.type() + " " + candidate.name() + ": " + String.join("; ", candidate.errors()));
                }
            }
        }
        unreadable.put(j.indexKey(), errors);
        return index;
    }

    private static List<String> keys(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            list.forEach(o -> out.addAll(keys(o)));
        }
        return out;
    }
}
