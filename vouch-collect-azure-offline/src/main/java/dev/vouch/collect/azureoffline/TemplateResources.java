package dev.vouch.collect.azureoffline;

import dev.vouch.collect.files.LocatedJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a template's {@code resources} (a list, or a symbolic-name map in languageVersion 2.0, with
 * nested child {@code resources}) and produces REST-shaped resource objects with ids, evaluated values
 * and the paths that could not be resolved.
 */
final class TemplateResources {
    private static final Set<String> TEMPLATE_ONLY = Set.of("type", "name", "apiVersion", "dependsOn", "comments",
            "condition", "copy", "resources", "scope", "metadata", "existing");

    /** One resource as REST would show it, with its unknown paths and the line of its template object. */
    record Built(Map<String, Object> rest, Set<String> unknowns, int line) {}

    /** A resource that could not be evaluated. */
    record Failed(int line, String message) {}

    private record Parent(String type, String name) {}

    private final TemplateEvaluator evaluator;
    private final LocatedJson json;
    private final List<Built> built = new ArrayList<>();
    private final List<Failed> failed = new ArrayList<>();

    TemplateResources(TemplateEvaluator evaluator, LocatedJson json) {
        this.evaluator = evaluator;
        this.json = json;
    }

    List<Built> built() { return built; }
    List<Failed> failed() { return failed; }

    void walk(Object resources) {
        walk(resources, null);
    }

    private void walk(Object resources, Parent parent) {
        Map<String, Object> symbolic = JsonValues.asMap(resources);
        List<Object> items = symbolic != null ? new ArrayList<>(symbolic.values()) : JsonValues.asList(resources);
        if (items == null) {
            return;
        }
        for (Object item : items) {
            Map<String, Object> res = JsonValues.asMap(item);
            if (res != null) {
                try {
                    one(res, parent);
                } catch (TemplateEvaluator.TemplateError e) {
                    failed.add(new Failed(json.lineOf(res), e.getMessage()));
                }
            }
        }
    }

    private void one(Map<String, Object> res, Parent parent) {
        int line = json.lineOf(res);
        Object condition = res.containsKey("condition") ? evaluator.evaluate(res.get("condition")) : Boolean.TRUE;
        if (Boolean.FALSE.equals(condition) || Boolean.TRUE.equals(res.get("existing"))) {
            return;
        }
        Object type = evaluator.evaluate(res.get("type"));
        if (!(type instanceof String shortType) || shortType.isBlank()) {
            failed.add(new Failed(line, "resource 'type' is missing or not resolvable: " + res.get("type")));
            return;
        }
        Object name = evaluator.evaluate(res.get("name"));
        boolean nameKnown = name instanceof String;
        String shortName = nameKnown ? (String) name : String.valueOf(res.get("name"));
        String fullType = parent == null || shortType.contains("/") ? shortType : parent.type() + "/" + shortType;
        String fullName = composeName(parent, fullType, shortName);

        Map<String, Object> rest = new LinkedHashMap<>();
        res.forEach((k, v) -> {
            if (!TEMPLATE_ONLY.contains(k)) {
                rest.put(k, evaluator.evaluate(v));
            }
        });
        rest.putIfAbsent("properties", new LinkedHashMap<String, Object>());
        identify(rest, res, fullType, fullName);
        Set<String> unknowns = UnknownPaths.strip(rest);
        if (!nameKnown) {
            unknowns.add("name");
        }
        built.add(new Built(rest, unknowns, line));
        walk(res.get("resources"), new Parent(fullType, fullName));
    }

    private static String composeName(Parent parent, String fullType, String shortName) {
        if (parent == null) {
            return shortName;
        }
        int expected = fullType.split("/").length - 1;
        return shortName.split("/").length < expected ? parent.name() + "/" + shortName : shortName;
    }

    /** Sets id, type and name. Handles {@code X/providers/diagnosticSettings} names and the {@code scope} keyword. */
    private void identify(Map<String, Object> rest, Map<String, Object> res, String fullType, String fullName) {
        String base = evaluator.functions().deployment().baseId();
        List<String> names = Arrays.asList(fullName.split("/"));
        String armType = fullType;
        String id;
        int ext = fullType.toLowerCase(java.util.Locale.ROOT).indexOf("/providers/");
        if (ext > 0) {
            String parentType = fullType.substring(0, ext);
            int depth = parentType.split("/").length - 1;
            String target = base + "/providers/" + typed(parentType, names.subList(0, Math.min(depth, names.size())));
            String namespace = names.size() > depth ? names.get(depth) : "Microsoft.Insights";
            armType = namespace + "/" + fullType.substring(ext + "/providers/".length());
            id = target + "/providers/" + typed(armType, names.subList(Math.min(depth + 1, names.size()), names.size()));
        } else if (res.containsKey("scope")) {
            Object scope = evaluator.evaluate(res.get("scope"));
            String s = scope instanceof String str ? str : String.valueOf(res.get("scope"));
            String target = s.startsWith("/") ? s : base + "/providers/" + s;
            id = target + "/providers/" + typed(fullType, names);
        } else {
            id = base + "/providers/" + typed(fullType, names);
        }
        rest.put("id", id);
        rest.put("type", armType);
        rest.put("name", names.isEmpty() ? fullName : names.get(names.size() - 1));
    }

    private static String typed(String type, List<String> names) {
        List<Object> args = new ArrayList<>();
        args.add(type);
        args.addAll(names);
        return TemplateFunctions.typedPath(args, 0);
    }
}
