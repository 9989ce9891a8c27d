package dev.vouch.report.oscal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The vendored schema is the NIST release asset, and the validator really enforces its patterns (OSCAL's
 * {@code \p{L}} token pattern, the UUID version, the date-time pattern), so an empty error list means something.
 */
class OscalSchemaTest {

    private final OscalSchema schema = new OscalSchema();

    @Test
    void vendoredSchemaIsTheNistV113ReleaseAsset() throws IOException, NoSuchAlgorithmException {
        try (InputStream in = OscalSchemaTest.class.getResourceAsStream(OscalSchema.RESOURCE)) {
            byte[] bytes = in.readAllBytes();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo("d9e34757f0c12aff61f52b821f0b8f83ba0ba75b3a149a202b08ba82f82bc4c3");
            assertThat(OscalFixtures.parse(bytes).path("$id").asText())
                    .isEqualTo("http://csrc.nist.gov/ns/oscal/1.1.3/oscal-ar-schema.json");
        }
    }

    @Test
    void validatorRejectsAVersion3Uuid() {
        ObjectNode doc = readiness();
        ar(doc).put("uuid", "6fa459ea-ee8a-3ca4-894e-db77e160355e");
        assertThat(schema.errors(doc)).singleElement().asString().contains("/assessment-results/uuid");
    }

    @Test
    void validatorAppliesTheDateTimePattern() {
        ObjectNode doc = readiness();
        ObjectNode metadata = (ObjectNode) ar(doc).path("metadata");
        metadata.put("last-modified", "2025-07-01T00:00:00.123456789Z");
        assertThat(schema.errors(doc)).isEmpty();
        metadata.put("last-modified", "2025-07-01T00:00:00");
        assertThat(schema.errors(doc)).isNotEmpty().allSatisfy(e -> assertThat(e).contains("last-modified"));
    }

    @Test
    void validatorAppliesTheUnicodeTokenPattern() {
        ObjectNode doc = readiness();
        ObjectNode target = (ObjectNode) ar(doc).path("results").get(0).path("findings").get(0).path("target");
        target.put("target-id", "cc6.1");
        assertThat(schema.errors(doc)).isEmpty();
        target.put("target-id", "é6.1");
        assertThat(schema.errors(doc)).isEmpty();
        target.put("target-id", "CC 6.1");
        assertThat(schema.errors(doc)).singleElement().asString().contains("target-id");
    }

    @Test
    void validatorRejectsAMultiLinePropertyValue() {
        ObjectNode doc = readiness();
        ObjectNode prop = (ObjectNode) ar(doc).path("metadata").path("props").get(0);
        prop.put("value", "two\nlines");
        assertThat(schema.errors(doc)).singleElement().asString().contains("/metadata/props/0/value");
    }

    private static ObjectNode readiness() {
        return (ObjectNode) OscalFixtures.parse(OscalResults.readiness(OscalFixtures.readiness()));
    }

    private static ObjectNode ar(JsonNode doc) {
        return (ObjectNode) doc.path("assessment-results");
    }
}
