package dev.vouch.collect.awsoffline;

import dev.vouch.collect.files.LocatedJson;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One recognized JSON export being read: where it came from, the optional {@code AccountId} and
 * {@code Region} keys the combined-file convention allows at the top level, and where its items go.
 */
record Doc(LocatedJson json, Map<String, Object> root, String display, Consumer<Item> sink) {

    Origin origin(Object object) {
        return new Origin(AwsExportCollector.SOURCE, display, Math.max(json.lineOf(object), json.lineOf(root)));
    }

    String account() {
        Object a = root.get("AccountId");
        return a instanceof String s && s.matches("\\d{12}") ? s : "";
    }

    String region() {
        return root.get("Region") instanceof String s ? s : "";
    }

    /** The objects in a JSON list, as read (so {@link #origin} finds their lines); other elements are skipped. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object list) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    /** A mutable copy of a JSON object (items get derived keys added). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<?, ?> m) {
        return new LinkedHashMap<>((Map<String, Object>) m);
    }

    static String text(Map<String, Object> m, String key) {
        return m.get(key) instanceof String s ? s : "";
    }

    static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
