package dev.vouch.schedule;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Ledger state to and from JSON; errors name the field. */
final class LedgerJson {

    static final int VERSION = 1;
    private final ObjectMapper mapper = new ObjectMapper();

    byte[] write(LedgerState state) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        root.put("lastPlannedSlot", state.lastPlannedSlot().toString());
        ArrayNode runs = root.putArray("runs");
        for (RunRecord run : state.runs()) {
            ObjectNode node = runs.addObject();
            node.put("slot", run.slot().toString());
            node.put("started", run.started().toString());
            run.finished().ifPresent(f -> node.put("finished", f.toString()));
            node.put("status", run.status().name().toLowerCase(Locale.ROOT));
            if (!run.message().isEmpty()) {
                node.put("message", run.message());
            }
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedSlots s : state.skipped()) {
            skipped.addObject().put("first", s.first().toString()).put("last", s.last().toString())
                    .put("slots", s.slots()).put("reason", s.reason().wireName());
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise schedule ledger", e);
        }
    }

    /** @throws LedgerFormatException naming the line (syntax) or field (content) */
    LedgerState read(byte[] bytes) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new LedgerFormatException(where + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new LedgerFormatException(e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new LedgerFormatException("top level must be a JSON object");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new LedgerFormatException("field 'version' must be " + VERSION + ", was " + root.path("version"));
        }
        return new LedgerState(instant(root, "lastPlannedSlot", "lastPlannedSlot"),
                runs(array(root, "runs")), skipped(array(root, "skipped")));
    }

    private List<RunRecord> runs(JsonNode array) {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String path = "runs[" + i + "]";
            RunRecord.Status status = status(node, path + ".status");
            Optional<Instant> finished = node.has("finished")
                    ? Optional.of(instant(node, "finished", path + ".finished")) : Optional.empty();
            try {
                runs.add(new RunRecord(instant(node, "slot", path + ".slot"), instant(node, "started", path + ".started"),
                        finished, status, node.path("message").asText("")));
            } catch (IllegalArgumentException e) {
                throw new LedgerFormatException("field '" + path + "': " + e.getMessage());
            }
        }
        return runs;
    }

    private List<SkippedSlots> skipped(JsonNode array) {
        List<SkippedSlots> skipped = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode node = array.get(i);
            String path = "skipped[" + i + "]";
            try {
                skipped.add(new SkippedSlots(instant(node, "first", path + ".first"), instant(node, "last", path + ".last"),
                        node.path("slots").asInt(0), MissReason.fromWire(node.path("reason").asText())));
            } catch (IllegalArgumentException e) {
                throw new LedgerFormatException("field '" + path + "': " + e.getMessage());
            }
        }
        return skipped;
    }

    private static RunRecord.Status status(JsonNode node, String path) {
        String value = node.path("status").asText();
        try {
            return RunRecord.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LedgerFormatException("field '" + path + "' must be running, ok or failed, was '" + value + "'");
        }
    }

    private static JsonNode array(JsonNode root, String field) {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            throw new LedgerFormatException("field '" + field + "' must be an array");
        }
        return node;
    }

    private static Instant instant(JsonNode node, String field, String path) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new LedgerFormatException("field '" + path + "' is missing or not a string");
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new LedgerFormatException("field '" + path + "' is not an ISO-8601 instant: '" + value.asText() + "'");
        }
    }

    /** Content problem, without the file name (the caller adds it). */
    static final class LedgerFormatException extends RuntimeException {
        LedgerFormatException(String message) {
            super(message);
        }
    }
}
