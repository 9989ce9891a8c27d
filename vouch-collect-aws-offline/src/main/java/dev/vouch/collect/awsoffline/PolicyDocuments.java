package dev.vouch.collect.awsoffline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IAM and bucket policy documents: parsing (an object, a JSON string, or the URL-encoded string the
 * IAM API returns) and the two facts checks cannot reasonably compute in CEL.
 */
final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** A policy document as a map; a string is JSON, URL-decoded first when it is not JSON as given. */
    static Map<String, Object> parse(Object document) {
        if (document instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return m;
        }
        if (!(document instanceof String text)) {
            throw new IllegalArgumentException("policy document must be an object or a JSON string, was "
                    + (document == null ? "null" : document.getClass().getSimpleName()));
        }
        String json = text.trim().startsWith("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(json, Map.class);
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("policy document is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** True when some {@code Allow} statement has {@code Action} {@code *} on {@code Resource} {@code *}. */
    static boolean allowsAdminStar(Map<String, Object> document) {
        return statements(document).stream().anyMatch(s -> "Allow".equals(s.get("Effect"))
                && !s.containsKey("NotAction") && includes(s.get("Action"), "*")
                && includes(s.get("Resource"), "*"));
    }

    /**
     * True when some {@code Deny} statement for every principal ({@code "*"} or {@code {"AWS":"*"}}) on
     * {@code s3:*} or {@code *} carries {@code Bool aws:SecureTransport = false}.
     */
    static boolean deniesInsecureTransport(Map<String, Object> document) {
        return statements(document).stream().anyMatch(s -> "Deny".equals(s.get("Effect"))
                && everyone(s.get("Principal"))
                && (includes(s.get("Action"), "s3:*") || includes(s.get("Action"), "*"))
                && secureTransportFalse(s.get("Condition")));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Map<String, Object> document) {
        Object st = document.get("Statement");
        if (st instanceof Map<?, ?> one) {
            return List.of((Map<String, Object>) one);
        }
        if (st instanceof List<?> list) {
            return list.stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
        }
        return List.of();
    }

    private static boolean includes(Object value, String wanted) {
        if (value instanceof String s) {
            return s.equalsIgnoreCase(wanted);
        }
        return value instanceof List<?> list && list.stream().anyMatch(o -> includes(o, wanted));
    }

    private static boolean everyone(Object principal) {
        return "*".equals(principal) || principal instanceof Map<?, ?> m && includes(m.get("AWS"), "*");
    }

    private static boolean secureTransportFalse(Object condition) {
        if (!(condition instanceof Map<?, ?> c) || !(c.get("Bool") instanceof Map<?, ?> bool)) {
            return false;
        }
        return bool.entrySet().stream()
                .filter(e -> String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).equals("aws:securetransport"))
                .anyMatch(e -> isFalse(e.getValue()));
    }

    private static boolean isFalse(Object v) {
        if (v instanceof List<?> list) {
            return !list.isEmpty() && list.stream().allMatch(PolicyDocuments::isFalse);
        }
        return Boolean.FALSE.equals(v) || "false".equalsIgnoreCase(String.valueOf(v));
    }
}
