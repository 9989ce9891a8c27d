package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vouch sample: seeded by a signed checkpoint, reproducible, bad roster rows named. */
class SampleCommandTest {
    @TempDir
    Path dir;

    @Test
    void sameCheckpointSameSampleAndBadRowsAreNamed() throws IOException {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("tf"));
        Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF);
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Test Co\nsources:\n  terraform: [tf]\n");
        CliRun.of("scan", ws.toString(), "-q");
        Path held = dir.resolve("held.txt");
        Files.writeString(held, CliRun.of("vault", "checkpoint", "-w", ws.toString()).out());
        Path roster = dir.resolve("roster.csv");
        StringBuilder csv = new StringBuilder("employee_id,name,email,start_date,end_date\n");
        for (int i = 1; i <= 40; i++) {
            csv.append("E").append(i).append(",Person ").append(i).append(",p").append(i).append("@test.example,2026-0")
                    .append(1 + i % 6).append("-1").append(i % 10).append(",\n");
        }
        csv.append("E99,Broken,b@test.example,2026-02-30,\n");
        Files.writeString(roster, csv);
        String[] args = {"sample", ws.toString(), "--control", "VC-HR-01", "--period", "2026-01-01..2026-06-30",
            "--checkpoint", held.toString(), "--population", "hires", "--roster", roster.toString()};
        CliRun first = CliRun.of(args);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("Sample for VC-HR-01: 25 of 40 hires", "seed: checkpoint root");
        assertThat(first.err()).contains("line 42:");
        assertThat(CliRun.of(args).out()).isEqualTo(first.out());

        Files.writeString(held, "not a checkpoint\n");
        CliRun bad = CliRun.of(args);
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains(held.toString(), "not a signed checkpoint");
    }
}
