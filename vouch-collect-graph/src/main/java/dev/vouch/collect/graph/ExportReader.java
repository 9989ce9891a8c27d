package dev.vouch.collect.graph;

import dev.vouch.collect.files.SourceFiles;
import dev.vouch.collect.files.LocatedJson;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads saved Graph responses into {@link GraphObject}s: list responses ({@code value}, paged across
 * files by {@code @odata.nextLink}), single entities and bare JSON arrays. What cannot be read or
 * recognized becomes a {@link CollectionError} naming file and line; the other files are still read.
 */
final class ExportReader {
    private final List<GraphObject> objects = new ArrayList<>();
    private final Set<EntityKind> seen = EnumSet.noneOf(EntityKind.class);
    private final List<CollectionError> errors = new ArrayList<>();

    List<GraphObject> objects() { return objects; }
    Set<EntityKind> seen() { return seen; }
    List<CollectionError> errors() { return errors; }

    void read(Path file, String display) {
        LocatedJson doc;
        try {
            doc = LocatedJson.read(file);
        } catch (LocatedJson.SyntaxError e) {
            error(display, e.line(), "invalid JSON at column " + e.column() + ": " + e.getMessage());
            return;
        } catch (java.io.UncheckedIOException e) {
            error(display, 0, e.getMessage());
            return;
        }
        if (doc.root() instanceof List<?> list) {
            readItems(doc, display, list, Optional.empty(), false);
        } else if (doc.root() instanceof Map<?, ?> map) {
            readResponse(doc, display, map);
        } else {
            error(display, 1, "expected a Graph response (a JSON object or array), found " + describe(doc.root()));
        }
    }

    private void readResponse(LocatedJson doc, String display, Map<?, ?> root) {
        Optional<EntityKind> kind = Optional.empty();
        boolean signIn = false;
        if (root.get("@odata.context") instanceof String context) {
            kind = EntityKind.fromContext(context);
            if (kind.isEmpty()) {
                error(display, doc.lineOf(root), "unrecognized @odata.context entity set '" + EntityKind.entitySet(context)
                        + "' (Vouch reads users, userRegistrationDetails, conditionalAccess/policies, roleAssignments, "
                        + "roleDefinitions, directoryRoles, identitySecurityDefaultsEnforcementPolicy, authorizationPolicy, "
                        + "applications, organization; see docs/graph.md)");
                return;
            }
            seen.add(kind.get());
            signIn = context.toLowerCase(Locale.ROOT).contains("signinactivity");
        }
        Object value = root.get("value");
        if (value instanceof List<?> items) {
            if (items.isEmpty() && kind.isEmpty()) {
                error(display, doc.lineOf(root), "empty 'value' list without @odata.context: cannot tell what was exported");
            }
            readItems(doc, display, items, kind, signIn);
        } else if (value != null && !root.containsKey("id")) {
            error(display, doc.lineOf(root), "field 'value' must be a list of Graph objects, found " + describe(value));
        } else {
            readItems(doc, display, List.of(root), kind, signIn);
        }
    }

    private void readItems(LocatedJson doc, String display, List<?> items, Optional<EntityKind> kind, boolean signIn) {
        boolean selected = signIn || items.stream().anyMatch(i -> i instanceof Map<?, ?> m && m.containsKey("signInActivity"));
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> raw)) {
                error(display, 0, "expected a Graph object in 'value', found " + describe(item));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) raw;
            Optional<EntityKind> k = kind.isPresent() ? kind : EntityKind.fromObject(body);
            if (k.isEmpty()) {
                error(display, doc.lineOf(raw), "cannot tell which Graph entity this object is: no @odata.context, "
                        + "no known @odata.type" + (body.get("@odata.type") instanceof String t ? " ('" + t + "')" : "")
                        + ", no known shape");
                continue;
            }
            seen.add(k.get());
            objects.add(new GraphObject(k.get(), body, display, doc.lineOf(raw), selected));
        }
    }

    private void error(String file, int line, String message) {
        errors.add(new CollectionError(new Origin(GraphObject.SOURCE, file, Math.max(line, 0)), message));
    }

    private static String describe(Object v) {
        return v == null ? "null" : v instanceof String ? "a string" : v instanceof List ? "a list"
                : v instanceof Map ? "an object" : "a " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
