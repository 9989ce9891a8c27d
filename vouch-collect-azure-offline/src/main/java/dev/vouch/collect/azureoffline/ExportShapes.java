package dev.vouch.collect.azureoffline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the resource objects in one export file: an {@code az … -o json} list or object, an ARM REST
 * list page ({@code {value:[…], nextLink?}}) or single resource, or an ARM REST example wrapper
 * ({@code {parameters, responses:{"200":{body}}}}, else 201, else 202).
 */
final class ExportShapes {
    private static final List<String> STATUSES = List.of("200", "201", "202");

    /** An element that is not a JSON object where a resource was expected. */
    record Misfit(int index, String what) {}

    record Found(List<Map<String, Object>> objects, List<Misfit> misfits) {}

    private ExportShapes() {}

    static Found find(Object root) {
        List<Map<String, Object>> objects = new ArrayList<>();
        List<Misfit> misfits = new ArrayList<>();
        collect(unwrapExample(root), objects, misfits);
        return new Found(objects, misfits);
    }

    private static Object unwrapExample(Object root) {
        Map<String, Object> map = JsonValues.asMap(root);
        if (map == null || map.containsKey("id") || JsonValues.asMap(map.get("responses")) == null) {
            return root;
        }
        Map<String, Object> responses = JsonValues.asMap(map.get("responses"));
        for (String status : STATUSES) {
            Map<String, Object> response = JsonValues.asMap(responses.get(status));
            if (response != null && response.containsKey("body")) {
                return response.get("body");
            }
        }
        return List.of();
    }

    private static void collect(Object node, List<Map<String, Object>> objects, List<Misfit> misfits) {
        List<Object> list = JsonValues.asList(node);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> item = JsonValues.asMap(list.get(i));
                if (item == null) {
                    misfits.add(new Misfit(i, describe(list.get(i))));
                } else if (isPage(item)) {
                    collect(item.get("value"), objects, misfits);
                } else if (!item.isEmpty()) {
                    objects.add(item);
                }
            }
            return;
        }
        Map<String, Object> map = JsonValues.asMap(node);
        if (map == null) {
            misfits.add(new Misfit(-1, describe(node)));
        } else if (isPage(map)) {
            collect(map.get("value"), objects, misfits);
        } else if (!map.isEmpty()) {
            objects.add(map);
        }
    }

    /** {@code {value:[…]}} without an own id/type (a resource may have a property named value only inside properties). */
    private static boolean isPage(Map<String, Object> map) {
        return JsonValues.asList(map.get("value")) != null && !map.containsKey("id") && !map.containsKey("type");
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof List ? "a list" : "a " + value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
