package dev.vouch.vault.jcs;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme: members sorted by UTF-16 code units, no whitespace,
 * ECMAScript number formatting, minimal string escaping, UTF-8 output.
 *
 * <p>Java values: {@code Map} with {@code String} keys, {@code List}, {@code String}, {@code Boolean},
 * {@code null}, {@code Integer}/{@code Long}/{@code Short}/{@code Byte}/{@code BigInteger} within
 * ±(2^53 - 1) (larger ones cannot be IEEE 754 doubles exactly and are rejected rather than silently
 * rounded), {@code Double}/{@code Float} (finite), and Jackson {@code JsonNode}s. Errors name the JSON
 * path ({@code $.scope.controls[2]}).
 */
public final class Jcs {
    /** Immutable once built; used only to parse in {@link #isCanonical}. */
    private static final JsonMapper PARSER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Jcs() {
    }

    public static byte[] canonicalize(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(out, value, "$");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder();
        writeNode(out, node, "$");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** True iff {@code json} is well-formed JSON (no duplicate members) equal byte for byte to its canonical form. */
    public static boolean isCanonical(byte[] json) {
        JsonNode node;
        try {
            node = PARSER.readTree(json);
        } catch (IOException e) {
            return false;
        }
        if (node == null || node.isMissingNode()) {
            return false;
        }
        try {
            return Arrays.equals(canonicalize(node), json);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void writeValue(StringBuilder out, Object value, String path) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            JcsStrings.write(out, s, path);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, path);
        } else if (value instanceof List<?> list) {
            writeList(out, list, path);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(JcsNumbers.format(((Number) value).doubleValue(), path));
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.append(safeInteger(BigInteger.valueOf(((Number) value).longValue()), path));
        } else if (value instanceof BigInteger big) {
            out.append(safeInteger(big, path));
        } else if (value instanceof JsonNode node) {
            writeNode(out, node, path);
        } else {
            throw new IllegalArgumentException("cannot canonicalize a " + value.getClass().getName() + " at " + path
                    + "; expected Map, List, String, Boolean, null, an integer or a double");
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, String path) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("object key " + key + " at " + path + " is not a String");
            }
            keys.add(s);
        }
        keys.sort(null); // String.compareTo orders by UTF-16 code units, as RFC 8785 §3.2.3 requires
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String child = path + "." + key;
            if (i > 0) {
                out.append(',');
            }
            JcsStrings.write(out, key, child);
            out.append(':');
            writeValue(out, map.get(key), child);
        }
        out.append('}');
    }

    private static void writeList(StringBuilder out, List<?> list, String path) {
        out.append('[');
        int i = 0;
        for (Object element : list) {
            if (i > 0) {
                out.append(',');
            }
            writeValue(out, element, path + "[" + i + "]");
            i++;
        }
        out.append(']');
    }

    private static void writeNode(StringBuilder out, JsonNode node, String path) {
        switch (node.getNodeType()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(node.booleanValue());
            case STRING -> JcsStrings.write(out, node.textValue(), path);
            case NUMBER -> out.append(nodeNumber(node, path));
            case ARRAY -> writeNodeArray(out, node, path);
            case OBJECT -> writeNodeObject(out, node, path);
            default -> throw new IllegalArgumentException("cannot canonicalize a JSON " + node.getNodeType()
                    + " node at " + path);
        }
    }

    private static void writeNodeObject(StringBuilder out, JsonNode node, String path) {
        List<String> keys = new ArrayList<>(node.size());
        Iterator<String> names = node.fieldNames();
        names.forEachRemaining(keys::add);
        keys.sort(null);
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String child = path + "." + key;
            if (i > 0) {
                out.append(',');
            }
            JcsStrings.write(out, key, child);
            out.append(':');
            writeNode(out, node.get(key), child);
        }
        out.append('}');
    }

    private static void writeNodeArray(StringBuilder out, JsonNode node, String path) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeNode(out, node.get(i), path + "[" + i + "]");
        }
        out.append(']');
    }

    /** A parsed JSON number is an IEEE 754 double (RFC 8785 §3.2.2.3), whatever Jackson chose to hold it in. */
    private static String nodeNumber(JsonNode node, String path) {
        if (node.isIntegralNumber()) {
            BigInteger big = node.bigIntegerValue();
            if (big.abs().compareTo(BigInteger.valueOf(JcsNumbers.MAX_SAFE_INTEGER)) <= 0) {
                return big.toString();
            }
            return JcsNumbers.format(big.doubleValue(), path);
        }
        return JcsNumbers.format(node.doubleValue(), path);
    }

    private static String safeInteger(BigInteger value, String path) {
        if (value.abs().compareTo(BigInteger.valueOf(JcsNumbers.MAX_SAFE_INTEGER)) > 0) {
            throw new IllegalArgumentException("integer " + value + " at " + path
                    + " is outside ±(2^53 - 1) and cannot be an exact IEEE 754 double (RFC 8785 §3.2.2.3)");
        }
        return value.toString();
    }
}
