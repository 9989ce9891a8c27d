package dev.vouch.collect.github;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Strict JSON into plain values: Map (insertion order), List, String, Long, Double, Boolean, null. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
    }

    private Json() { }

    /** A syntax error with Jackson's position; the message names neither a token nor the body. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    static Object parse(String text) {
        if (text.isBlank()) {
            throw new Malformed("empty body, expected a JSON value");
        }
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new Malformed("malformed JSON " + where + e.getOriginalMessage());
        }
    }

    /**
     * A deep copy without GitHub's hypermedia links ({@code url}, {@code *_url} except {@code html_url}):
     * they are noise for checks and make resources large.
     */
    static Object withoutUrls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!key.equals("url") && !(key.endsWith("_url") && !key.equals("html_url"))) {
                    out.put(key, withoutUrls(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(withoutUrls(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static String string(Map<String, Object> map, String key) {
        return map.get(key) instanceof String s ? s : "";
    }

    static boolean enabled(Map<String, Object> map, String key) {
        return Json.map(map.get(key)).get("enabled") instanceof Boolean b && b;
    }
}
