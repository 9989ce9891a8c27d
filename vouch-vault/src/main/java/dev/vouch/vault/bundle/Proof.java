package dev.vouch.vault.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.vault.merkle.Rfc6962;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An inclusion proof as a bundle stores it: {@code {"leafIndex":i,"treeSize":n,"path":["hex",…]}}. */
record Proof(long leafIndex, long treeSize, List<byte[]> path) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_PATH = 64;

    /** @throws IllegalArgumentException naming the field that is wrong */
    static Proof parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode path = node.path("path");
        if (!path.isArray() || path.size() > MAX_PATH) {
            throw new IllegalArgumentException("field 'path' must be an array of at most " + MAX_PATH + " hashes");
        }
        List<byte[]> hashes = new ArrayList<>(path.size());
        for (JsonNode h : path) {
            if (!h.isTextual() || !HASH.matcher(h.asText()).matches()) {
                throw new IllegalArgumentException("field 'path' holds '" + h + "', not 64 lowercase hex characters");
            }
            hashes.add(Rfc6962.unhex(h.asText()));
        }
        return new Proof(number(node, "leafIndex"), number(node, "treeSize"), hashes);
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new IllegalArgumentException("field '" + field + "' must be a non-negative integer, was " + v);
        }
        return v.asLong();
    }
}
