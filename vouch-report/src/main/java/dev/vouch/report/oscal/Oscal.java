package dev.vouch.report.oscal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Shared OSCAL vocabulary and JSON helpers. Objects keep insertion order, so output order is the code's order. */
final class Oscal {

    /** The OSCAL release the documents conform to. */
    static final String VERSION = "1.1.3";

    /** Namespace of Vouch's own property names ({@code ns} of every {@code prop}). */
    static final String NS = "urn:vouch:oscal";

    /** The framework the reviewed controls come from. */
    static final String FRAMEWORK = "AICPA TSC 2017 (rev. 2022)";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern NOT_TOKEN = Pattern.compile("[^\\p{L}\\p{N}._-]");

    private Oscal() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Sets {@code field} to {@code items} only when there are any: OSCAL forbids empty arrays. */
    static void putArray(ObjectNode o, String field, ArrayNode items) {
        if (!items.isEmpty()) {
            o.set(field, items);
        }
    }

    /** An array of plain strings. */
    static ArrayNode strings(Collection<String> values) {
        ArrayNode a = array();
        values.forEach(a::add);
        return a;
    }

    /**
     * Adds a Vouch property. OSCAL property values are one line with no leading or trailing space, so runs of
     * whitespace become one space; a blank value adds nothing.
     */
    static void prop(ArrayNode props, String name, String value) {
        String v = SPACE.matcher(value).replaceAll(" ").trim();
        if (!v.isEmpty()) {
            props.addObject().put("name", name).put("ns", NS).put("value", v);
        }
    }

    /** An OSCAL date-time: ISO 8601 in UTC ({@code Z}), with a fraction only when the instant has one. */
    static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }

    /** An OSCAL token for a catalog id: lower case, characters outside the token alphabet as {@code _}. */
    static String token(String id) {
        String t = NOT_TOKEN.matcher(id.toLowerCase(Locale.ROOT)).replaceAll("_");
        return t.isEmpty() || !Character.isLetter(t.charAt(0)) ? "_" + t : t;
    }

    /** A {@code related-observations} array over the given observation uuids. */
    static ArrayNode related(Collection<String> observationUuids) {
        ArrayNode a = array();
        observationUuids.forEach(u -> a.addObject().put("observation-uuid", u));
        return a;
    }

    /** Pretty-printed UTF-8 JSON with LF line ends and a trailing newline, the same on every platform. */
    static byte[] write(ObjectNode document) {
        try {
            String json = new ObjectMapper().writer(dev.vouch.report.JsonStyle.lfPrinter()).writeValueAsString(document);
            return (json + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("OSCAL assessment results: cannot write JSON: " + e.getMessage(), e);
        }
    }
}
