package dev.vouch.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Safe YAML reading: Jackson's YAML parser builds plain trees (no object construction, no tags),
 * duplicate keys are errors, and unknown fields are rejected by the parsers that read the trees.
 */
final class Yaml {

    /** Line of an element of a top-level list, and the lines of its own fields. */
    record ElementLines(int line, Map<String, Integer> fields) {
        int field(String name) {
            return fields.getOrDefault(name, line);
        }
    }

    private final ObjectMapper mapper;

    Yaml() {
        this.mapper = YAMLMapper.builder(new YAMLFactory())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Parses a document into a tree; a syntax error names the file and line. */
    JsonNode tree(String file, String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw new CatalogException(file + ": the file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new CatalogException(file + ":" + line + ": invalid YAML: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * For each top-level field whose value is a list, the lines of its elements and their fields.
     * Call only on text that {@link #tree} accepted.
     */
    Map<String, List<ElementLines>> lines(String file, String text) {
        Map<String, List<ElementLines>> out = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY) {
                    out.put(name, elements(p));
                } else {
                    p.skipChildren();
                }
            }
            return out;
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot index lines: " + e.getMessage(), e);
        }
    }

    /** The line of each top-level key. Call only on text that {@link #tree} accepted. */
    Map<String, Integer> keyLines(String file, String text) {
        Map<String, Integer> out = new HashMap<>();
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                out.putIfAbsent(p.currentName(), p.currentTokenLocation().getLineNr());
                p.nextToken();
                p.skipChildren();
            }
            return out;
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot index lines: " + e.getMessage(), e);
        }
    }

    private static List<ElementLines> elements(JsonParser p) throws IOException {
        List<ElementLines> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            int line = p.currentTokenLocation().getLineNr();
            Map<String, Integer> fields = new HashMap<>();
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    fields.putIfAbsent(p.currentName(), p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            list.add(new ElementLines(line, Map.copyOf(fields)));
        }
        return list;
    }
}
