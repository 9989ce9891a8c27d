package dev.vouch.collect.graph;

import dev.vouch.model.Origin;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One entity read from a saved Graph response.
 *
 * @param kind what it is
 * @param body the object as Graph returned it
 * @param file the file it came from, relative to the scanned path
 * @param line the 1-based line where the object starts
 * @param signInSelected whether its response carried {@code signInActivity} (selected, or present on any object)
 * @param source the origin source: {@code graph-export} for saved files, {@code graph} for live reads (file = URL)
 */
record GraphObject(EntityKind kind, Map<String, Object> body, String file, int line, boolean signInSelected, String source) {

    static final String SOURCE = "graph-export";

    GraphObject(EntityKind kind, Map<String, Object> body, String file, int line, boolean signInSelected) {
        this(kind, body, file, line, signInSelected, SOURCE);
    }

    Origin origin() {
        return new Origin(source, file, line);
    }

    /** The object's {@code id}, lower-cased (Graph ids are GUIDs and compare case-insensitively), or empty. */
    Optional<String> id() {
        return body.get("id") instanceof String s && !s.isBlank() ? Optional.of(s.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    Optional<String> string(String key) {
        return body.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The body without OData control annotations ({@code @odata.*}), ready to be a resource's properties. */
    Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!k.startsWith("@odata.") && !k.contains("@odata.")) {
                p.put(k, v);
            }
        });
        return p;
    }
}
