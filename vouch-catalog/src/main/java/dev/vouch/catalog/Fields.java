package dev.vouch.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict, typed reads from one mapping of a catalog file. Every error names the file, the line,
 * the subject (e.g. {@code control VC-IAM-01}) and the field.
 */
final class Fields {

    private final String file;
    private final Yaml.ElementLines lines;
    private final String subject;
    private final String prefix;
    private final JsonNode node;

    private Fields(String file, Yaml.ElementLines lines, String subject, String prefix, JsonNode node) {
        this.file = file;
        this.lines = lines;
        this.subject = subject;
        this.prefix = prefix;
        this.node = node;
    }

    /** Reads element {@code index} of list {@code listName}; the subject is named after its id. */
    static Fields of(String file, String listName, String kind, int index, JsonNode node, List<Yaml.ElementLines> lines) {
        Yaml.ElementLines at = index < lines.size() ? lines.get(index) : new Yaml.ElementLines(0, Map.of());
        JsonNode id = node.get("id");
        String subject = id != null && id.isTextual() && !id.asText().isBlank()
                ? kind + " " + id.asText().trim()
                : listName + "[" + index + "]";
        if (!node.isObject()) {
            throw new CatalogException(file + ":" + at.line() + ": " + subject + ": must be a mapping, was " + kind(node));
        }
        return new Fields(file, at, subject, "", node);
    }

    /** Reads the top-level mapping of a document. */
    static Fields root(String file, JsonNode node) {
        if (!node.isObject()) {
            throw new CatalogException(file + ":1: the document must be a mapping, was " + kind(node));
        }
        return new Fields(file, new Yaml.ElementLines(1, Map.of()), "top level", "", node);
    }

    /** Reads a nested mapping, e.g. {@code evidence[0]}, reporting fields as {@code evidence[0].type}. */
    Fields nested(String field, int index, JsonNode child) {
        String name = prefix + field + "[" + index + "]";
        if (!child.isObject()) {
            throw error(field, "field '" + name + "' must be a mapping, was " + kind(child));
        }
        return new Fields(file, lines, subject, name + ".", child);
    }

    String subject() {
        return subject;
    }

    int line() {
        return lines.line();
    }

    void allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "field '" + prefix + name + "' is not allowed; allowed fields: " + new TreeSet<>(allowed));
            }
        }
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw error(field, "field '" + prefix + field + "' is required");
        }
        if (!v.isTextual()) {
            throw error(field, "field '" + prefix + field + "' must be a string, was " + kind(v));
        }
        String s = v.asText().trim();
        if (s.isEmpty()) {
            throw error(field, "field '" + prefix + field + "' must not be blank");
        }
        return s;
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
        String value = text(field);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
                return e;
            }
        }
        List<String> keys = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        throw error(field, "field '" + prefix + field + "' must be one of " + keys + ", was '" + value + "'");
    }

    /** A list of non-blank strings, without repeats; absent means empty unless required. */
    List<String> strings(String field, boolean required) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : list(field, required)) {
            if (!v.isTextual() || v.asText().isBlank()) {
                throw error(field, "field '" + prefix + field + "' must list non-blank strings, found " + kind(v));
            }
            String s = v.asText().trim();
            if (out.contains(s)) {
                throw error(field, "field '" + prefix + field + "' lists '" + s + "' twice");
            }
            out.add(s);
        }
        return out;
    }

    /** The elements of a list field; absent means empty unless required (then also non-empty). */
    List<JsonNode> list(String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(field, "field '" + prefix + field + "' is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw error(field, "field '" + prefix + field + "' must be a list, was " + kind(v));
        }
        if (required && v.isEmpty()) {
            throw error(field, "field '" + prefix + field + "' must not be empty");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    CatalogException error(String field, String message) {
        String top = prefix.isEmpty() ? field : prefix.substring(0, prefix.indexOf('['));
        return new CatalogException(file + ":" + lines.field(top) + ": " + subject + ": " + message);
    }

    static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "'" + v.asText() + "'";
        }
        return v.getNodeType().name().toLowerCase(Locale.ROOT) + (v.isValueNode() ? " " + v : "");
    }
}
