package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vouch score as a user runs it: after a scan, with manual evidence, with --explain. */
class ScoreCommandTest {
    @TempDir
    Path dir;

    private Path workspace() throws IOException {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("tf"));
        Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF);
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Test Co\nsources:\n  terraform: [tf]\n");
        return ws;
    }

    @Test
    void beforeAnyScanItSaysWhatToDo() throws IOException {
        Path ws = workspace();
        CliRun r = CliRun.of("score", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no scan recorded yet; run 'vouch scan");
    }

    @Test
    void scoresExplainsAndCountsFreshEvidence() throws IOException {
        Path ws = workspace();
        assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isZero();
        CliRun summary = CliRun.of("score", ws.toString());
        assertThat(summary.exit()).isZero();
        assertThat(summary.out()).contains("Overall", "NOT READY", "CC6.7", "Remediation, by overall score gain");
        CliRun crit = CliRun.of("score", ws.toString(), "--explain", "CC6.7");
        assertThat(crit.out()).contains("criterion CC6.7", "check AZ-STG-002", "AZ-STG-002 = 100×");

        assertThat(CliRun.of("score", ws.toString(), "--explain", "VC-IAM-03").out()).contains("MISSING");
        Path review = dir.resolve("q3-review.pdf");
        Files.writeString(review, "%PDF-1.4 access review");
        CliRun.of("evidence", "add", review.toString(), "--control", "VC-IAM-03", "--covers",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(30) + ".." + java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                "-w", ws.toString());
        CliRun after = CliRun.of("score", ws.toString(), "--explain", "VC-IAM-03");
        assertThat(after.out()).contains("FRESH", "q3-review.pdf", "score 100.0");
    }

    @Test
    void unknownIdIsAUsageError() throws IOException {
        Path ws = workspace();
        CliRun.of("scan", ws.toString(), "-q");
        CliRun r = CliRun.of("score", ws.toString(), "--explain", "CC99.9");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("'CC99.9' is not an in-scope criterion");
    }
}
