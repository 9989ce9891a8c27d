package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official NIST OSCAL 1.1.3 assessment-results JSON Schema (test resource), with format assertions on. */
final class OscalSchema {

    static final String RESOURCE = "/oscal/oscal_assessment-results_schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;

    OscalSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = OscalSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The schema's complaints about {@code json}, one line each; empty when valid. */
    List<String> errors(byte[] json) {
        try {
            return errors(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    List<String> errors(JsonNode json) {
        return schema.validate(json).stream().map(ValidationMessage::toString).sorted().toList();
    }
}
