package dev.vouch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void outputMatchesGolden() throws Exception {
        String out = Golden.render(new JsonRenderer(), SampleScan.input());
        Golden.assertMatches(out, "scan.json");
    }

    @Test
    void outputIsIndependentOfInputOrder() {
        var s = SampleScan.scan();
        var reversed = new dev.vouch.model.ScanResult(s.startedAt(), s.finishedAt(), s.sources(), s.resourceCount(),
                reversed(s.findings()), s.errors(), reversed(s.exceptionNotices()), reversed(s.checks()));
        assertThat(Golden.render(new JsonRenderer(), new ReportInput(reversed, SampleScan.criteria())))
                .isEqualTo(Golden.render(new JsonRenderer(), SampleScan.input()));
    }

    private static <T> java.util.List<T> reversed(java.util.List<T> l) {
        var copy = new java.util.ArrayList<>(l);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void carriesVersionSummaryAndFindings() throws Exception {
        JsonNode root = MAPPER.readTree(Golden.render(new JsonRenderer(), SampleScan.input()));
        assertThat(root.get("schemaVersion").asText()).isEqualTo("1.0");
        assertThat(root.at("/scan/durationMs").asLong()).isEqualTo(102_500);
        assertThat(root.at("/scan/incomplete").asBoolean()).isTrue();
        assertThat(root.at("/summary/outcomes/FAIL").asInt()).isEqualTo(3);
        assertThat(root.at("/summary/categories/0/category").asText()).isEqualTo("SECURITY");
        assertThat(root.at("/summary/categories/0/passRatePercent").asInt()).isEqualTo(28);
        assertThat(root.get("findings")).hasSize(9);
        assertThat(root.at("/findings/0/checkId").asText()).isEqualTo("AZ-KV-001");
        assertThat(root.at("/checks/0/categories/0").asText()).isEqualTo("CONFIDENTIALITY");
    }

    /** Every property the renderer writes is declared in docs/schema/scan-result-1.0.schema.json. */
    @Test
    void everyPropertyIsDeclaredInTheSchema() throws Exception {
        Path schemaFile = Path.of("../docs/schema/scan-result-1.0.schema.json");
        JsonNode schema = MAPPER.readTree(Files.readString(schemaFile));
        JsonNode doc = MAPPER.readTree(Golden.render(new JsonRenderer(), SampleScan.input()));
        assertDeclared(doc, schema, schema, "$");
    }

    private static void assertDeclared(JsonNode value, JsonNode schema, JsonNode root, String path) {
        JsonNode s = resolve(schema, root);
        if (value.isObject()) {
            JsonNode props = s.get("properties");
            JsonNode additional = s.get("additionalProperties");
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                JsonNode sub = props == null ? null : props.get(e.getKey());
                if (sub == null && additional != null && additional.isObject()) {
                    sub = additional;
                }
                assertThat(sub).as("schema declares %s.%s", path, e.getKey()).isNotNull();
                assertDeclared(e.getValue(), sub, root, path + "." + e.getKey());
            }
            if (s.has("required")) {
                s.get("required").forEach(r -> assertThat(value.has(r.asText())).as("%s has required %s", path, r).isTrue());
            }
        } else if (value.isArray() && s.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                assertDeclared(value.get(i), s.get("items"), root, path + "[" + i + "]");
            }
        }
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        JsonNode ref = schema.get("$ref");
        return ref == null ? schema : root.at(ref.asText().substring(1));
    }

    @org.junit.jupiter.api.Test
    void compactIsTheSameDocumentWithoutWhitespace() throws Exception {
        var in = SampleScan.input();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String pretty = Golden.render(new JsonRenderer(), in);
        String compact = Golden.render(new JsonRenderer(false), in);
        org.assertj.core.api.Assertions.assertThat(compact).doesNotContain("\n  ").hasSizeLessThan(pretty.length());
        org.assertj.core.api.Assertions.assertThat(mapper.readTree(compact)).isEqualTo(mapper.readTree(pretty));
    }
}
