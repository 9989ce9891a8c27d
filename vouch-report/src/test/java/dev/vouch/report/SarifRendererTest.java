package dev.vouch.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifRendererTest {
    private static final String URI = "https://github.com/vouch-dev/vouch";

    private static JsonNode render(boolean unresolved) throws Exception {
        return new ObjectMapper().readTree(Golden.render(new SarifRenderer(URI, unresolved), SampleScan.input()));
    }

    @Test
    void outputMatchesGolden() throws Exception {
        Golden.assertMatches(Golden.render(new SarifRenderer(URI, true), SampleScan.input()), "scan.sarif");
    }

    @Test
    void hasSarif210Structure() throws Exception {
        JsonNode root = render(true);
        assertThat(root.get("$schema").asText()).isEqualTo(SarifRenderer.SCHEMA_URI);
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("runs")).hasSize(1);
        JsonNode driver = root.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("Vouch");
        assertThat(driver.get("informationUri").asText()).isEqualTo(URI);
        List<String> ruleIds = new ArrayList<>();
        driver.get("rules").forEach(r -> ruleIds.add(r.get("id").asText()));
        assertThat(ruleIds).containsExactly("AZ-KV-001", "AZ-RSV-001", "AZ-SQL-002", "AZ-STG-003", "LNX-SSH-004");
        JsonNode sql = driver.at("/rules/2");
        assertThat(sql.at("/shortDescription/text").asText()).isEqualTo("SQL servers deny access from any Internet address");
        assertThat(sql.at("/fullDescription/text").asText()).startsWith("A 0.0.0.0-255.255.255.255 firewall rule");
        assertThat(sql.at("/help/text").asText()).contains("CLI: az sql server firewall-rule delete");
        assertThat(sql.at("/properties/security-severity").asText()).isEqualTo("9.5");
        assertThat(sql.at("/properties/tags").toString()).contains("\"security\"", "\"soc2/CC6.6\"", "\"network\"");
        assertThat(root.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isFalse();
        assertThat(root.at("/runs/0/invocations/0/toolExecutionNotifications/0/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(88);
    }

    @Test
    void resultLevelsLocationsAndFingerprints() throws Exception {
        JsonNode results = render(true).at("/runs/0/results");
        List<String> summary = new ArrayList<>();
        results.forEach(r -> summary.add(r.get("ruleId").asText() + " " + r.get("level").asText() + " "
                + r.at("/properties/outcome").asText() + " "
                + r.at("/locations/0/physicalLocation/artifactLocation/uri").asText("-") + ":"
                + r.at("/locations/0/physicalLocation/region/startLine").asInt(0)));
        assertThat(summary).containsExactly(
                "AZ-RSV-001 error FAIL exports/vaults.json:0",
                "AZ-SQL-002 error FAIL infra/sql.tf:3",
                "AZ-STG-003 warning EXCEPTED exports/storage.json:0",
                "AZ-STG-003 warning FAIL infra/storage.tf:14",
                "AZ-STG-003 note UNKNOWN infra/storage.tf:61",
                "LNX-SSH-004 note ERROR file:///etc/ssh/sshd_config:0");
        JsonNode excepted = results.get(2);
        assertThat(excepted.at("/suppressions/0/kind").asText()).isEqualTo("external");
        assertThat(excepted.at("/suppressions/0/justification").asText()).contains("EXC-2026-004");
        results.forEach(r -> {
            assertThat(r.at("/partialFingerprints/" + SarifRenderer.FINGERPRINT_KEY.replace("/", "~1")).asText()).hasSize(32);
            assertThat(r.get("ruleIndex").asInt()).isGreaterThanOrEqualTo(0);
        });
        assertThat(results.get(1).at("/ruleIndex").asInt()).isEqualTo(2);
        assertThat(results.get(1).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo("infra/azurerm_mssql_server.main");
    }

    @Test
    void unresolvedCanBeLeftOut() throws Exception {
        JsonNode results = render(false).at("/runs/0/results");
        assertThat(results).hasSize(4);
        results.forEach(r -> assertThat(r.get("level").asText()).isNotEqualTo("note"));
    }

    @Test
    void fingerprintIgnoresAzureIdCase() {
        var f = SampleScan.findings().get(0);
        var upper = SampleScan.finding(f.checkId(), f.severity(), f.resourceType(), f.resourceId().toUpperCase(),
                f.resourceName(), f.outcome(), f.message(), f.origin(), f.exceptionId());
        assertThat(SarifResults.fingerprint(upper)).isEqualTo(SarifResults.fingerprint(f));
    }
}
