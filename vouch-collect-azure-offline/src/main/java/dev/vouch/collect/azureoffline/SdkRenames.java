package dev.vouch.collect.azureoffline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies a type's declarative SDK-to-REST renames and sub-resource re-wrapping to a properties map. */
final class SdkRenames {
    private static final Set<String> SUBRESOURCE_TOP = Set.of("id", "name", "etag", "type");

    private SdkRenames() {}

    static void apply(Map<String, Object> properties, ArmTypeTable.TypeEntry entry, Set<String> cliOnly) {
        for (String list : entry.subresources()) {
            wrapSubresources(properties, list, cliOnly);
        }
        for (Map.Entry<String, String> rename : entry.renames()) {
            rename(properties, List.of(rename.getKey().split("\\.")), 0, rename.getValue());
        }
    }

    private static void rename(Object node, List<String> path, int index, String restName) {
        String segment = path.get(index);
        boolean last = index == path.size() - 1;
        Map<String, Object> map = JsonValues.asMap(node);
        if (map == null) {
            return;
        }
        if (last) {
            renameKey(map, segment, restName);
            return;
        }
        if (segment.endsWith("[]")) {
            List<Object> items = JsonValues.asList(map.get(segment.substring(0, segment.length() - 2)));
            if (items != null) {
                items.forEach(item -> rename(item, path, index + 1, restName));
            }
        } else if (segment.endsWith("{}")) {
            Map<String, Object> values = JsonValues.asMap(map.get(segment.substring(0, segment.length() - 2)));
            if (values != null) {
                values.values().forEach(v -> rename(v, path, index + 1, restName));
            }
        } else {
            rename(map.get(segment), path, index + 1, restName);
        }
    }

    /** Renames in place, keeping the key's position; only when the REST name is not present already. */
    private static void renameKey(Map<String, Object> map, String sdkName, String restName) {
        if (!map.containsKey(sdkName) || map.containsKey(restName)) {
            return;
        }
        Map<String, Object> reordered = new LinkedHashMap<>();
        map.forEach((k, v) -> reordered.put(k.equals(sdkName) ? restName : k, v));
        map.clear();
        map.putAll(reordered);
    }

    private static void wrapSubresources(Map<String, Object> properties, String key, Set<String> cliOnly) {
        List<Object> items = JsonValues.asList(properties.get(key));
        if (items == null) {
            return;
        }
        List<Object> wrapped = new ArrayList<>(items.size());
        for (Object item : items) {
            Map<String, Object> flat = JsonValues.asMap(item);
            if (flat == null || JsonValues.asMap(flat.get("properties")) != null) {
                wrapped.add(item);
                continue;
            }
            Map<String, Object> rest = new LinkedHashMap<>();
            Map<String, Object> inner = new LinkedHashMap<>();
            flat.forEach((k, v) -> {
                if (SUBRESOURCE_TOP.contains(k)) {
                    rest.put(k, v);
                } else if (!cliOnly.contains(k)) {
                    inner.put(k, v);
                }
            });
            rest.put("properties", inner);
            wrapped.add(rest);
        }
        properties.put(key, wrapped);
    }

    /** Drops az-only keys (resourceGroup) from nested sub-resource references such as {id, resourceGroup}. */
    static void dropNestedCliOnly(Object node, Set<String> cliOnly) {
        Map<String, Object> map = JsonValues.asMap(node);
        if (map != null) {
            if (map.containsKey("id")) {
                cliOnly.forEach(map::remove);
            }
            map.values().forEach(v -> dropNestedCliOnly(v, cliOnly));
            return;
        }
        List<Object> list = JsonValues.asList(node);
        if (list != null) {
            list.forEach(v -> dropNestedCliOnly(v, cliOnly));
        }
    }
}
