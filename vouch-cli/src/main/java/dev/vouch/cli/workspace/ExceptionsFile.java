package dev.vouch.cli.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.engine.ExceptionRule;
import dev.vouch.model.Origin;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads exceptions (docs/checks.md) from an {@code exceptions:} list; every field is required. */
public final class ExceptionsFile {
    private static final Set<String> FIELDS = Set.of("id", "check", "resource", "owner", "reason", "expires");

    private ExceptionsFile() {
    }

    public static List<ExceptionRule> read(YamlDoc doc, String pointer, Set<String> knownChecks) {
        JsonNode list = doc.root().at(pointer);
        List<ExceptionRule> out = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new ConfigException(doc.where(pointer) + ": 'exceptions' must be a list");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/" + i;
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw new ConfigException(doc.where(at) + ": an exception must be a mapping with " + String.join(", ", FIELDS));
            }
            e.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.contains(f)) {
                    throw new ConfigException(doc.where(at + "/" + f) + ": unknown field '" + f + "' in an exception");
                }
            });
            String id = required(doc, e, at, "id");
            if (!ids.add(id)) {
                throw new ConfigException(doc.where(at + "/id") + ": exception id '" + id + "' is used twice");
            }
            String check = required(doc, e, at, "check");
            if (!knownChecks.isEmpty() && !knownChecks.contains(check)) {
                throw new ConfigException(doc.where(at + "/check") + ": exception " + id + " names unknown check '" + check + "'");
            }
            LocalDate expires;
            try {
                expires = LocalDate.parse(required(doc, e, at, "expires"));
            } catch (DateTimeParseException ex) {
                throw new ConfigException(doc.where(at + "/expires") + ": exception " + id
                        + ": 'expires' must be a date like 2027-01-31, was '" + e.get("expires").asText() + "'");
            }
            out.add(new ExceptionRule(id, check, required(doc, e, at, "resource"), required(doc, e, at, "owner"),
                    required(doc, e, at, "reason"), expires,
                    new Origin("workspace", doc.file().toString(), doc.line(at))));
        }
        return out;
    }

    private static String required(YamlDoc doc, JsonNode e, String at, String field) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new ConfigException(doc.where(at) + ": exception is missing '" + field + "'");
        }
        return v.asText().trim();
    }
}
