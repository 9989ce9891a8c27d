package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Look-ups into an assessment-results document for assertions. */
final class OscalJson {

    private OscalJson() {
    }

    static JsonNode result(JsonNode doc) {
        return doc.path("assessment-results").path("results").get(0);
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** The values of the Vouch properties called {@code name}. */
    static List<String> props(JsonNode node, String name) {
        return list(node.path("props")).stream().filter(p -> p.path("name").asText().equals(name))
                .map(p -> p.path("value").asText()).toList();
    }

    static String prop(JsonNode node, String name) {
        List<String> values = props(node, name);
        if (values.size() != 1) {
            throw new AssertionError("expected one '" + name + "' property, found " + values + " in " + node);
        }
        return values.get(0);
    }

    static JsonNode observationOfCheck(JsonNode doc, String checkId) {
        return list(result(doc).path("observations")).stream()
                .filter(o -> props(o, "check-id").contains(checkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no observation of " + checkId));
    }

    static JsonNode findingFor(JsonNode doc, String targetId) {
        return list(result(doc).path("findings")).stream()
                .filter(f -> f.path("target").path("target-id").asText().equals(targetId)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding on " + targetId));
    }

    static List<String> relatedObservations(JsonNode finding) {
        return list(finding.path("related-observations")).stream().map(r -> r.path("observation-uuid").asText()).toList();
    }

    static JsonNode inventoryItem(JsonNode doc, String uuid) {
        return list(result(doc).path("local-definitions").path("inventory-items")).stream()
                .filter(i -> i.path("uuid").asText().equals(uuid)).findFirst()
                .orElseThrow(() -> new AssertionError("no inventory item " + uuid));
    }

    static List<JsonNode> backMatter(JsonNode doc) {
        return list(doc.path("assessment-results").path("back-matter").path("resources"));
    }

    /** Every value of a field named {@code uuid} or ending in {@code -uuid}, anywhere in the document. */
    static List<String> allUuids(JsonNode node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ((e.getKey().equals("uuid") || e.getKey().endsWith("-uuid")) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                }
                collect(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }
}
