package dev.vouch.collect.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read into plain Java values (Map, List, String, Long, Double, Boolean, null),
 * remembering the 1-based line where every object starts. Strict: trailing commas, comments and
 * content after the root value (e.g. a committed merge-conflict marker) are syntax errors.
 */
public record LocatedJson(Object root, Map<Object, Integer> objectLines) {

    /** A JSON syntax error with the position Jackson reported. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() { return line; }
        public int column() { return column; }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build();

    /** The 1-based line where {@code object} (a map read from this document) starts, or 0. */
    public int lineOf(Object object) {
        Integer line = objectLines.get(object);
        return line == null ? 0 : line;
    }

    /**
     * Reads {@code file} for a collector: a syntax error or an unreadable file becomes a collection error
     * (source {@code source}, named {@code display}, with line and column) added to {@code errors}.
     */
    public static java.util.Optional<LocatedJson> read(Path file, String source, String display,
            List<dev.vouch.model.CollectionError> errors) {
        try {
            return java.util.Optional.of(read(file));
        } catch (SyntaxError e) {
            errors.add(new dev.vouch.model.CollectionError(new dev.vouch.model.Origin(source, display, e.line()),
                    "malformed JSON at " + display + ":" + e.line() + ":" + e.column() + ": " + e.getMessage()));
        } catch (java.io.UncheckedIOException e) {
            errors.add(new dev.vouch.model.CollectionError(dev.vouch.model.Origin.of(source, display), e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    /** Reads {@code file}; a syntax error is a {@link SyntaxError} with line and column. */
    public static LocatedJson read(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser p = FACTORY.createParser(in)) {
            Map<Object, Integer> lines = new IdentityHashMap<>();
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError("empty file, expected a JSON value", 1, 1);
            }
            Object root = readValue(p, lines);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new SyntaxError("unexpected content after the JSON value", at.getLineNr(), at.getColumnNr());
            }
            return new LocatedJson(root, lines);
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw new SyntaxError(e.getOriginalMessage(), Math.max(line, 0), Math.max(column, 0));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Object readValue(JsonParser p, Map<Object, Integer> lines) throws IOException {
        JsonToken t = p.currentToken();
        return switch (t) {
            case START_OBJECT -> readObject(p, lines);
            case START_ARRAY -> readArray(p, lines);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? (Object) p.getDoubleValue() : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new SyntaxError("unexpected token " + t,
                    p.currentTokenLocation().getLineNr(), p.currentTokenLocation().getColumnNr());
        };
    }

    private static Map<String, Object> readObject(JsonParser p, Map<Object, Integer> lines) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        lines.put(map, p.currentTokenLocation().getLineNr());
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, readValue(p, lines));
        }
        return map;
    }

    private static List<Object> readArray(JsonParser p, Map<Object, Integer> lines) throws IOException {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(p, lines));
        }
        return list;
    }
}
