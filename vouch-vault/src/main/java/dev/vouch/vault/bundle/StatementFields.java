package dev.vouch.vault.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.vault.blob.Digest;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The fields of a statement a bundle needs: position, blob, period and controls. */
record StatementFields(long seq, Optional<Digest> digest, Instant coversFrom, Instant coversTo, List<String> controls) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads the fields of one statement. A statement without {@code covers} counts as covering the
     * instant it was recorded ({@code time}).
     *
     * @throws IllegalArgumentException naming the field, when the statement is malformed
     */
    static StatementFields of(byte[] line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        JsonNode seq = node.get("seq");
        if (seq == null || !seq.canConvertToExactIntegral() || seq.asLong() < 0) {
            throw new IllegalArgumentException("field 'seq' is missing or not a non-negative integer");
        }
        Optional<Digest> digest = node.hasNonNull("digest")
                ? Optional.of(Digest.parse(node.get("digest").asText())) : Optional.empty();
        JsonNode covers = node.path("covers");
        Instant from = instant(covers.has("from") ? covers.get("from") : node.get("time"), "covers.from");
        Instant to = instant(covers.has("to") ? covers.get("to") : node.get("time"), "covers.to");
        List<String> controls = new ArrayList<>();
        node.path("scope").path("controls").forEach(c -> controls.add(c.asText()));
        return new StatementFields(seq.asLong(), digest, from, to, List.copyOf(controls));
    }

    private static Instant instant(JsonNode value, String field) {
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing (and so is 'time')");
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field '" + field + "' is not an RFC 3339 UTC time: '" + value.asText() + "'");
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
