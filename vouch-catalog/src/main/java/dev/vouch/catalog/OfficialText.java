package dev.vouch.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the official criterion text a user holds a licence for: a YAML mapping of criterion id to
 * text, or a CSV file with the header {@code id,text}. Any subset of the criteria may be given.
 */
final class OfficialText {

    private OfficialText() {
    }

    static Map<String, String> read(String file, String text, Set<String> knownIds, Yaml yaml) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return fromYaml(file, text, knownIds, yaml);
        }
        if (lower.endsWith(".csv")) {
            return fromCsv(file, text, knownIds);
        }
        throw new CatalogException(file + ": official text must be a .yaml, .yml or .csv file");
    }

    private static Map<String, String> fromYaml(String file, String text, Set<String> knownIds, Yaml yaml) {
        JsonNode root = yaml.tree(file, text);
        if (!root.isObject()) {
            throw new CatalogException(file + ":1: expected a mapping of criterion id to text, was " + Fields.kind(root));
        }
        Map<String, Integer> lines = yaml.keyLines(file, text);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            int line = lines.getOrDefault(e.getKey(), 0);
            JsonNode v = e.getValue();
            if (!v.isTextual()) {
                throw new CatalogException(file + ":" + line + ": criterion " + e.getKey() + ": text must be a string, was " + Fields.kind(v));
            }
            put(out, file, line, e.getKey(), v.asText(), knownIds);
        }
        return out;
    }

    private static Map<String, String> fromCsv(String file, String text, Set<String> knownIds) {
        List<Csv.Row> rows = Csv.parse(file, text);
        if (rows.isEmpty() || !rows.get(0).cells().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList()
                .equals(List.of("id", "text"))) {
            throw new CatalogException(file + ":1: the header must be 'id,text'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() != 2) {
                throw new CatalogException(file + ":" + row.line() + ": expected 2 columns (id, text), found " + row.cells().size()
                        + "; quote text that contains commas");
            }
            put(out, file, row.line(), row.cells().get(0), row.cells().get(1), knownIds);
        }
        return out;
    }

    private static void put(Map<String, String> out, String file, int line, String rawId, String text, Set<String> knownIds) {
        String id = rawId.strip();
        String where = file + ":" + line + ": ";
        if (!knownIds.contains(id)) {
            throw new CatalogException(where + "unknown criterion id '" + id + "'; the catalog has "
                    + knownIds.size() + " criteria (CC1.1 … P8.1), ids are case-sensitive");
        }
        if (text.isBlank()) {
            throw new CatalogException(where + "criterion " + id + ": text must not be blank");
        }
        if (out.putIfAbsent(id, text.strip()) != null) {
            throw new CatalogException(where + "criterion " + id + " is given twice");
        }
    }
}
