package dev.vouch.collect.azureoffline;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;

/**
 * Strips {@link Unresolved} values from an evaluated resource and returns their paths relative to the
 * resource as the CEL view sees it: {@code properties.minimumTlsVersion}, {@code sku.name},
 * {@code location}, {@code properties.securityRules[0].properties.access}.
 */
final class UnknownPaths {
    private UnknownPaths() {}

    static Set<String> strip(Map<String, Object> resource) {
        Set<String> paths = new LinkedHashSet<>();
        stripMap(resource, "", paths);
        return paths;
    }

    private static void stripMap(Map<String, Object> map, String prefix, Set<String> paths) {
        Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Object> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue() == Unresolved.VALUE) {
                paths.add(path);
                it.remove();
            } else {
                stripNested(e.getValue(), path, paths);
            }
        }
    }

    private static void stripList(List<Object> list, String prefix, Set<String> paths) {
        ListIterator<Object> it = list.listIterator();
        int original = 0;
        while (it.hasNext()) {
            Object v = it.next();
            String path = prefix + "[" + original++ + "]";
            if (v == Unresolved.VALUE) {
                paths.add(path);
                it.remove();
            } else {
                stripNested(v, path, paths);
            }
        }
    }

    private static void stripNested(Object value, String path, Set<String> paths) {
        Map<String, Object> map = JsonValues.asMap(value);
        if (map != null) {
            stripMap(map, path, paths);
            return;
        }
        List<Object> list = JsonValues.asList(value);
        if (list != null) {
            stripList(list, path, paths);
        }
    }
}
