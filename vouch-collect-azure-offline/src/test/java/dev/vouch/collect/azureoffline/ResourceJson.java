package dev.vouch.collect.azureoffline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test support: resources as JSON trees, for golden files compared exactly (object key order ignored). */
final class ResourceJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResourceJson() {}

    static ObjectNode of(Resource r, boolean withOrigin) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", r.type());
        n.put("id", r.id());
        n.put("name", r.name());
        n.put("provider", r.provider());
        n.put("scope", r.scope());
        n.put("location", r.location());
        n.set("tags", MAPPER.valueToTree(r.tags()));
        n.set("properties", MAPPER.valueToTree(r.properties()));
        n.set("attributes", MAPPER.valueToTree(r.attributes()));
        if (!r.unknowns().isEmpty()) {
            n.set("unknowns", MAPPER.valueToTree(List.copyOf(r.unknowns())));
        }
        if (!r.errors().isEmpty()) {
            n.set("errors", MAPPER.valueToTree(r.errors()));
        }
        if (withOrigin) {
            n.put("origin", r.origin().source() + " " + r.origin().display());
        }
        return n;
    }

    static ObjectNode of(Collection c) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode resources = root.putArray("resources");
        c.resources().forEach(r -> resources.add(of(r, true)));
        ArrayNode errors = root.putArray("errors");
        c.errors().forEach(e -> errors.add(e.display()));
        return root;
    }

    /** Compares with the golden file; with -Dvouch.golden.update=true rewrites it instead (review the diff). */
    static void assertGolden(JsonNode actual, Path golden) {
        try {
            if (Boolean.getBoolean("vouch.golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, MAPPER.writeValueAsString(actual) + "\n");
                return;
            }
            JsonNode expected = MAPPER.readTree(golden.toFile());
            org.assertj.core.api.Assertions.assertThat(MAPPER.writeValueAsString(actual))
                    .as("golden %s (rerun with -Dvouch.golden.update=true to rewrite, then review the diff)", golden)
                    .isEqualTo(MAPPER.writeValueAsString(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
