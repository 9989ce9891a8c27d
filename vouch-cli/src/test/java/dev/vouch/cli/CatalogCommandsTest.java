package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CatalogCommandsTest {
    @Test
    void checksListJsonCarriesEveryCheckWithItsCriteria() throws Exception {
        CliRun r = CliRun.of("checks", "list", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list.size()).isGreaterThanOrEqualTo(80);
        for (JsonNode c : list) {
            assertThat(c.path("criteria").size()).as("criteria of %s", c.path("id").asText()).isPositive();
        }
    }

    @Test
    void checkShowExplainsAndUnknownIdIsAUsageError() {
        CliRun r = CliRun.of("checks", "show", "AZ-STG-002");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("AZ-STG-002", "Remediation", "References");
        CliRun missing = CliRun.of("checks", "show", "NOPE-1");
        assertThat(missing.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains("no check with id 'NOPE-1'");
    }

    @Test
    void criteriaListsAll61() throws Exception {
        CliRun r = CliRun.of("criteria", "--format", "json");
        assertThat(new ObjectMapper().readTree(r.out()).size()).isEqualTo(61);
    }

    @Test
    void controlsListAndShow() throws Exception {
        CliRun r = CliRun.of("controls", "list", "--format", "json");
        JsonNode list = new ObjectMapper().readTree(r.out());
        assertThat(list.size()).isGreaterThanOrEqualTo(50);
        String id = list.get(0).path("id").asText();
        assertThat(CliRun.of("controls", "show", id).out()).contains(id, "owner:", "frequency:");
    }
}
