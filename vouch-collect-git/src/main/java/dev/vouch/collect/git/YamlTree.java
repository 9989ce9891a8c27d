package dev.vouch.collect.git;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose nodes know their line, so errors can name file, line and field.
 * Jackson's YAML parser only reads events: no object construction, no tags, no anchors resolved to
 * Java types.
 */
sealed interface YamlTree {
    int line();

    record Scalar(String text, int line) implements YamlTree {
    }

    record Mapping(Map<String, YamlTree> entries, int line) implements YamlTree {
    }

    record Sequence(List<YamlTree> items, int line) implements YamlTree {
    }

    /** Parses {@code text}; a syntax error is an {@link IllegalArgumentException} naming {@code file} and the line. */
    static YamlTree parse(String text, String file) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new Mapping(Map.of(), 1);
            }
            return read(p, file);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IllegalArgumentException(file + ":" + line + ": invalid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static YamlTree read(JsonParser p, String file) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            Map<String, YamlTree> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                p.nextToken();
                if (entries.put(key, read(p, file)) != null) {
                    throw new IllegalArgumentException(file + ":" + keyLine + ": duplicate key '" + key + "'");
                }
            }
            return new Mapping(entries, line);
        }
        if (t == JsonToken.START_ARRAY) {
            List<YamlTree> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(p, file));
            }
            return new Sequence(items, line);
        }
        return new Scalar(t == JsonToken.VALUE_NULL ? "" : p.getText(), line);
    }
}
