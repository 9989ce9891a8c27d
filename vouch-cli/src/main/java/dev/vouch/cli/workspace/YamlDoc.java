package dev.vouch.cli.workspace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a tree that remembers the line of every node (by JSON pointer), so that
 * configuration errors can name file and line. Parsing is safe: Jackson's YAML reader builds plain
 * trees and never constructs objects named by tags.
 */
public final class YamlDoc {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    private final Path file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDoc(Path file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Reads {@code file}; a syntax error becomes a {@link ConfigException} naming file and line. */
    public static YamlDoc read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": file not found");
        }
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            Map<String, Integer> lines = new HashMap<>();
            JsonToken t = p.nextToken();
            JsonNode root = t == null ? JsonNodeFactory.instance.objectNode() : readValue(p, "", lines);
            return new YamlDoc(file, root, lines);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static JsonNode readValue(JsonParser p, String pointer, Map<String, Integer> lines) throws IOException {
        lines.put(pointer, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, readValue(p, pointer + "/" + name, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(readValue(p, pointer + "/" + i++, lines));
                }
                return a;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** {@code file:line} of the node at {@code pointer} (e.g. {@code /exceptions/2/expires}). */
    public String where(String pointer) {
        Integer line = lines.get(pointer);
        if (line == null && pointer.contains("/")) {
            return where(pointer.substring(0, pointer.lastIndexOf('/')));
        }
        return file + (line == null ? "" : ":" + line);
    }

    public int line(String pointer) {
        Integer line = lines.get(pointer);
        return line == null ? 0 : line;
    }
}
