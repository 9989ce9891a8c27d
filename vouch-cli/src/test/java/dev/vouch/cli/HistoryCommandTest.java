package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trend, drift and time travel from the recorded history. */
class HistoryCommandTest {
    @TempDir
    Path dir;

    @Test
    void driftTrendAndScoreAsOfAnEarlierScan() throws Exception {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("tf"));
        Path tf = ws.resolve("tf/main.tf");
        Files.writeString(tf, ScanCommandTest.GOOD_TF);
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Test Co\nsources:\n  terraform: [tf]\n");
        assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isZero();
        Thread.sleep(1100); // scans are recorded in order of their finish time, to the millisecond
        Files.writeString(tf, ScanCommandTest.GOOD_TF.replace("TLS1_0", "TLS1_2"));
        assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isZero();

        JsonNode h = new ObjectMapper().readTree(CliRun.of("history", ws.toString(), "--format", "json").out());
        assertThat(h.path("trend")).hasSize(2);
        assertThat(h.path("drift").toString()).contains("\"kind\":\"recovered\"", "\"checkId\":\"AZ-STG-002\"", "\"before\":\"FAIL\"");
        String first = h.path("trend").get(0).path("finishedAt").asText();
        double firstScore = h.path("trend").get(0).path("score").asDouble();
        double secondScore = h.path("trend").get(1).path("score").asDouble();
        assertThat(secondScore).isGreaterThan(firstScore);

        String later = java.time.Instant.parse(first).plusMillis(999).toString();
        CliRun asOf = CliRun.of("score", ws.toString(), "--as-of", later, "--format", "json");
        assertThat(asOf.exit()).isZero();
        assertThat(new ObjectMapper().readTree(asOf.out()).path("overall").asDouble()).isEqualTo(firstScore);
        CliRun before = CliRun.of("score", ws.toString(), "--as-of", "2020-01-01");
        assertThat(before.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(before.err()).contains("no scan recorded at or before 2020-01-01T23:59:59Z (the first was at");
    }
}
