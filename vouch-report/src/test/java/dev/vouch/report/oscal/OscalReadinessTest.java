package dev.vouch.report.oscal;

import static dev.vouch.report.oscal.OscalJson.findingFor;
import static dev.vouch.report.oscal.OscalJson.inventoryItem;
import static dev.vouch.report.oscal.OscalJson.list;
import static dev.vouch.report.oscal.OscalJson.observationOfCheck;
import static dev.vouch.report.oscal.OscalJson.prop;
import static dev.vouch.report.oscal.OscalJson.props;
import static dev.vouch.report.oscal.OscalJson.relatedObservations;
import static dev.vouch.report.oscal.OscalJson.result;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.report.assessment.ReadinessModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OscalReadinessTest {

    private final ReadinessModel model = OscalFixtures.readiness();
    private final byte[] bytes = OscalResults.readiness(model);
    private final JsonNode doc = OscalFixtures.parse(bytes);

    @Test
    void conformsToTheOfficialOscal113Schema() {
        assertThat(new OscalSchema().errors(bytes)).isEmpty();
    }

    @Test
    void sameModelGivesByteIdenticalOutput() {
        byte[] again = OscalResults.readiness(OscalFixtures.readiness());
        assertThat(again).isEqualTo(bytes);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\r").endsWith("}\n");
    }

    @Test
    void everyUuidIsNameBasedVersion5() {
        List<String> uuids = OscalJson.allUuids(doc);
        assertThat(uuids).hasSizeGreaterThan(20);
        assertThat(uuids).allSatisfy(u -> assertThat(UUID.fromString(u).version()).isEqualTo(5));
    }

    @Test
    void metadataNamesTheOrganizationAndVersion() {
        JsonNode md = doc.path("assessment-results").path("metadata");
        assertThat(md.path("title").asText()).isEqualTo("SOC 2 readiness — Acme Corp");
        assertThat(md.path("last-modified").asText()).isEqualTo("2025-07-01T00:00:00Z");
        assertThat(md.path("oscal-version").asText()).isEqualTo("1.1.3");
        assertThat(md.path("parties").get(0).path("type").asText()).isEqualTo("organization");
        assertThat(md.path("parties").get(0).path("name").asText()).isEqualTo("Acme Corp");
    }

    @Test
    void importApPointsAtThePlanInTheBackMatter() {
        String href = doc.path("assessment-results").path("import-ap").path("href").asText();
        assertThat(href).startsWith("#");
        JsonNode plan = OscalJson.backMatter(doc).stream()
                .filter(r -> r.path("uuid").asText().equals(href.substring(1))).findFirst().orElseThrow();
        assertThat(plan.path("description").asText()).contains("AICPA TSC 2017 (rev. 2022)", "Security");
        assertThat(doc.path("assessment-results").path("import-ap").path("remarks").asText())
                .contains("no separate OSCAL assessment plan");
    }

    @Test
    void reviewedControlsAreTheInScopeCriteriaAsLowerCaseTokens() {
        JsonNode selection = result(doc).path("reviewed-controls").path("control-selections").get(0);
        List<String> ids = list(selection.path("include-controls")).stream()
                .map(c -> c.path("control-id").asText()).toList();
        List<String> expected = model.assessment().criteria().stream()
                .map(c -> c.criterionId().toLowerCase(java.util.Locale.ROOT)).toList();
        assertThat(ids).containsExactlyElementsOf(expected).contains("cc6.1", "cc3.3").doesNotContain("a1.1");
        assertThat(props(selection, "criterion-id")).contains("CC6.1", "CC3.3");
    }

    @Test
    void resultSpansTheScanAndCarriesTheOverallScore() {
        JsonNode r = result(doc);
        assertThat(r.path("start").asText()).isEqualTo("2025-06-30T12:00:00Z");
        assertThat(r.path("end").asText()).isEqualTo("2025-06-30T12:00:00Z");
        assertThat(prop(r, "scan-id")).isEqualTo("42");
        assertThat(prop(r, "overall-score")).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f",
                model.assessment().overall()));
        assertThat(r.path("remarks").asText()).contains("trend: scan 41 at 2025-06-29T12:00:00Z overall 20.5");
    }

    @Test
    void failingCheckObservationListsItsResourcesWithOutcomes() {
        JsonNode o = observationOfCheck(doc, "AZ-STG-003");
        assertThat(list(o.path("methods"))).extracting(JsonNode::asText).containsExactly("TEST");
        assertThat(list(o.path("types"))).extracting(JsonNode::asText).containsExactly("finding");
        assertThat(o.path("collected").asText()).isEqualTo("2025-06-30T12:00:00Z");
        assertThat(o.path("title").asText()).isEqualTo("AZ-STG-003: Storage accounts reject TLS below 1.2");
        List<JsonNode> subjects = list(o.path("subjects"));
        assertThat(subjects).extracting(s -> s.path("title").asText()).containsExactly("stlegacy", "stmain");
        assertThat(subjects).extracting(s -> prop(s, "outcome")).containsExactly("fail", "pass");
        assertThat(subjects.get(0).path("remarks").asText()).isEqualTo("Storage account stlegacy allows TLS1_0");
        JsonNode legacy = inventoryItem(doc, subjects.get(0).path("subject-uuid").asText());
        assertThat(prop(legacy, "resource-id")).isEqualTo(OscalFixtures.LEGACY);
        assertThat(prop(legacy, "resource-type")).isEqualTo("azure.storage.account");
        assertThat(prop(o, "non-passing")).isEqualTo("1");
        assertThat(prop(o, "check-score")).isEqualTo("50.0");
    }

    @Test
    void checkObservationsCiteTheScanRecordsOfTheVault() {
        JsonNode o = observationOfCheck(doc, "AZ-NET-001");
        assertThat(list(o.path("types"))).extracting(JsonNode::asText).containsExactly("control-objective");
        assertThat(list(o.path("relevant-evidence"))).extracting(e -> e.path("description").asText())
                .containsExactly(
                        "vault #1 scan.snapshot 'scan 42 snapshot', sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                        "vault #2 scan.findings 'scan 42 findings', sha256:fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9");
    }

    @Test
    void criterionWithAFailingControlIsNotSatisfied() {
        JsonNode cc61 = findingFor(doc, "cc6.1");
        assertThat(cc61.path("target").path("type").asText()).isEqualTo("objective-id");
        assertThat(cc61.path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
        assertThat(cc61.path("target").path("status").path("reason").asText()).isEqualTo("fail");
        assertThat(prop(cc61, "criterion-id")).isEqualTo("CC6.1");
        assertThat(prop(cc61, "score")).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f",
                model.assessment().criterion("CC6.1").orElseThrow().score()));
        assertThat(relatedObservations(cc61)).contains(observationOfCheck(doc, "AZ-STG-003").path("uuid").asText());
        assertThat(cc61.path("remarks").asText()).startsWith("CC6.1 = ").contains("VC-DATA-03");
    }

    @Test
    void criterionWhoseControlsAllScore100IsSatisfiedAndCitesTheEvidence() {
        assertThat(model.assessment().control("VC-RISK-01").orElseThrow().score()).isEqualTo(100.0);
        JsonNode cc33 = findingFor(doc, "cc3.3");
        assertThat(cc33.path("target").path("status").path("state").asText()).isEqualTo("satisfied");
        JsonNode examine = list(result(doc).path("observations")).stream()
                .filter(o -> props(o, "vault-seq").contains("3")).findFirst().orElseThrow();
        assertThat(list(examine.path("methods"))).extracting(JsonNode::asText).containsExactly("EXAMINE");
        assertThat(examine.path("collected").asText()).isEqualTo("2025-06-02T09:30:00Z");
        assertThat(relatedObservations(cc33)).containsExactly(examine.path("uuid").asText());
    }

    @Test
    void criterionWithAControlNotTestedIsNotSatisfied() {
        JsonNode cc66 = findingFor(doc, "cc6.6");
        assertThat(model.assessment().criterion("CC6.6").orElseThrow().notTested()).isPositive();
        assertThat(cc66.path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
        assertThat(cc66.path("remarks").asText()).contains("NOT TESTED, counted as 0");
    }

    @Test
    void evidenceDigestIsAnOscalSha256HashInTheBackMatter() {
        JsonNode resource = OscalJson.backMatter(doc).stream().filter(r -> props(r, "vault-seq").contains("3"))
                .findFirst().orElseThrow();
        JsonNode rlink = resource.path("rlinks").get(0);
        assertThat(rlink.path("href").asText()).isEqualTo("vault:log#3");
        assertThat(rlink.path("hashes").get(0).path("algorithm").asText()).isEqualTo("SHA-256");
        assertThat(rlink.path("hashes").get(0).path("value").asText())
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        assertThat(props(resource, "control-id")).containsExactly("VC-RISK-01");
        assertThat(resource.path("title").asText()).isEqualTo("2025 risk assessment.pdf");
    }

    @Test
    void vaultSealIsKeptExactlyInTheBackMatter() {
        JsonNode seal = OscalJson.backMatter(doc).stream().filter(r -> !props(r, "tree-size").isEmpty())
                .findFirst().orElseThrow();
        assertThat(seal.path("remarks").asText()).isEqualTo(OscalFixtures.SEAL_NOTE);
        assertThat(prop(seal, "tree-size")).isEqualTo("3");
        assertThat(prop(seal, "key-fingerprint")).isEqualTo("SHA256:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA");
    }
}
