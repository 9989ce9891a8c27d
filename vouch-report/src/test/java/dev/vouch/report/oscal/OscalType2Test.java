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
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.assess.type2.Verdict;
import dev.vouch.report.assessment.Type2Model;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OscalType2Test {

    private final Type2Model model = OscalFixtures.type2();
    private final Type2Report report = model.report();
    private final byte[] bytes = OscalResults.type2(model, OscalFixtures.CATALOG);
    private final JsonNode doc = OscalFixtures.parse(bytes);

    @Test
    void conformsToTheOfficialOscal113Schema() {
        assertThat(new OscalSchema().errors(bytes)).isEmpty();
    }

    @Test
    void sameModelGivesByteIdenticalOutputAndTheDefaultCatalogIsTheShippedOne() {
        assertThat(OscalResults.type2(OscalFixtures.type2(), OscalFixtures.CATALOG)).isEqualTo(bytes);
        assertThat(OscalResults.type2(OscalFixtures.type2())).isEqualTo(bytes);
        assertThat(OscalJson.allUuids(doc)).allSatisfy(u -> assertThat(UUID.fromString(u).version()).isEqualTo(5));
    }

    @Test
    void resultSpansTheObservationWindow() {
        JsonNode r = result(doc);
        assertThat(doc.path("assessment-results").path("metadata").path("title").asText())
                .isEqualTo("SOC 2 Type II observation — Acme Corp");
        assertThat(r.path("start").asText()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(r.path("end").asText()).isEqualTo("2024-07-01T00:00:00Z");
        assertThat(prop(r, "scans")).isEqualTo("30");
        assertThat(prop(r, "controls-not-effective"))
                .isEqualTo(report.verdictCounts().get(Verdict.NOT_EFFECTIVE).toString());
    }

    @Test
    void controlWithAnExceptionBeyondSlaIsNotSatisfied() {
        assertThat(report.control("VC-DATA-03").orElseThrow().verdict()).isEqualTo(Verdict.NOT_EFFECTIVE);
        JsonNode f = findingFor(doc, "vc-data-03");
        assertThat(f.path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
        assertThat(prop(f, "verdict")).isEqualTo("not-effective");
        assertThat(prop(f, "beyond-sla")).isEqualTo("1");
        assertThat(prop(f, "exceptions")).isEqualTo("1");
        assertThat(prop(f, "coverage-percent")).isEqualTo("100.0");
        assertThat(props(f, "criterion-id")).contains("CC6.1");
        assertThat(f.path("remarks").asText()).contains(
                "exception: AZ-STG-003 on stlegacy, 2024-06-05T12:00:00Z → 2024-06-20T12:00:00Z, 15 d, critical,"
                        + " SLA 7 d: beyond SLA");
        assertThat(relatedObservations(f)).containsExactly(observationOfCheck(doc, "AZ-STG-003").path("uuid").asText());
    }

    @Test
    void exceptionObservationListsTheResourceAndItsSlaStatus() {
        JsonNode o = observationOfCheck(doc, "AZ-STG-003");
        assertThat(list(o.path("methods"))).extracting(JsonNode::asText).containsExactly("TEST");
        assertThat(o.path("collected").asText()).isEqualTo("2024-06-30T12:00:00Z");
        JsonNode subject = o.path("subjects").get(0);
        assertThat(o.path("subjects")).hasSize(1);
        assertThat(subject.path("title").asText()).isEqualTo("stlegacy");
        assertThat(prop(subject, "sla-status")).isEqualTo("beyond");
        assertThat(prop(inventoryItem(doc, subject.path("subject-uuid").asText()), "resource-id"))
                .isEqualTo(OscalFixtures.LEGACY);
    }

    @Test
    void effectiveControlIsSatisfiedWithFullCoverage() {
        assertThat(report.control("VC-NET-01").orElseThrow().verdict()).isEqualTo(Verdict.EFFECTIVE);
        JsonNode f = findingFor(doc, "vc-net-01");
        assertThat(f.path("target").path("status").path("state").asText()).isEqualTo("satisfied");
        assertThat(prop(f, "coverage-percent")).isEqualTo("100.0");
        assertThat(prop(f, "observed-slots")).isEqualTo("30");
        assertThat(prop(f, "slots")).isEqualTo("30");
    }

    @Test
    void criterionIsSatisfiedOnlyWhenAllItsControlsAreEffective() {
        JsonNode cc61 = findingFor(doc, "cc6.1");
        assertThat(cc61.path("target").path("status").path("state").asText()).isEqualTo("not-satisfied");
        assertThat(cc61.path("remarks").asText()).contains("VC-DATA-03 ").contains(": NOT EFFECTIVE");
        assertThat(report.control("VC-RISK-01").orElseThrow().verdict()).isEqualTo(Verdict.EFFECTIVE);
        JsonNode cc33 = findingFor(doc, "cc3.3");
        assertThat(cc33.path("target").path("status").path("state").asText()).isEqualTo("satisfied");
        assertThat(prop(cc33, "controls-effective")).isEqualTo("1");
        JsonNode examine = list(result(doc).path("observations")).stream()
                .filter(o -> props(o, "vault-seq").contains("3")).findFirst().orElseThrow();
        assertThat(relatedObservations(cc33)).containsExactly(examine.path("uuid").asText());
        assertThat(relatedObservations(findingFor(doc, "vc-risk-01"))).containsExactly(examine.path("uuid").asText());
    }

    @Test
    void everyControlOfTheReportHasAFinding() {
        long controlFindings = list(result(doc).path("findings")).stream()
                .filter(f -> !props(f, "control-id").isEmpty()).count();
        assertThat(controlFindings).isEqualTo(report.controls().size());
    }
}
