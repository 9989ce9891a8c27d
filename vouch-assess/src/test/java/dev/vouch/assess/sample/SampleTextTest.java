package dev.vouch.assess.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleTextTest {

    @Test
    void rendersSeedPicksAndProblems() {
        Population p = new Population("hires", List.of(
                new PopulationItem("E2", "hire", Instant.parse("2026-05-01T00:00:00Z"), "Bo Chen", Map.of("email", "bo@x")),
                new PopulationItem("E1", "hire", Instant.parse("2026-04-02T00:00:00Z"), "Al Wu", Map.of("email", "al@x"))),
                "roster r.csv", List.of("r.csv: line 4: employee_id is empty"));
        CheckpointRoot root = CheckpointRoot.parse("vouch/acme\n12\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", "cp");
        Sample s = Sampler.select("VC-HR-01", p, 1, root);

        String text = SampleText.render(s, p);

        assertThat(text).startsWith("Sample for VC-HR-01: 1 of 2 hires\npopulation: roster r.csv\n"
                + "seed: checkpoint root " + SamplerTest.EMPTY_ROOT + " (vouch/acme, tree size 12)\n");
        String id = s.picks().get(0).item().id();
        assertThat(text).contains("  0  #" + s.picks().get(0).index() + " ").contains(id)
                .contains("     sha256 " + s.picks().get(0).hash() + "\n")
                .endsWith("problem: r.csv: line 4: employee_id is empty\n");
    }
}
