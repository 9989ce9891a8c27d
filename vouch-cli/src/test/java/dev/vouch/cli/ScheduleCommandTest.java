package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.schedule.LedgerState;
import dev.vouch.schedule.RunLedger;
import dev.vouch.schedule.ScanLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vouch schedule as a user runs it, and the scan lock vouch scan shares with it. */
class ScheduleCommandTest {
    @TempDir
    Path dir;

    private Path workspace(String schedule) throws IOException {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("tf"));
        Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF);
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Sched Co\nsources:\n  terraform: [tf]\n" + schedule);
        return ws;
    }

    @Test
    void aBadScheduleIsNamedWithItsLine() throws IOException {
        Path ws = workspace("schedule: \"0 25 * * *\"\n");
        CliRun r = CliRun.of("schedule", "status", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("vouch.yaml:4", "hour 25 out of range 0-23");
        Path zone = workspace("schedule: {cron: \"0 2 * * *\", zone: Mars/Olympus}\n");
        assertThat(CliRun.of("schedule", "status", zone.toString()).err()).contains("'schedule.zone' must be a time zone");
        Path none = workspace("");
        assertThat(CliRun.of("schedule", "run", none.toString(), "--once").err()).contains("no 'schedule'");
    }

    @Test
    void aDueSlotAfterDowntimeRunsOneScanAndTheRestAreMissed() throws IOException {
        Path ws = workspace("schedule: {cron: \"0 * * * *\", zone: UTC}\n");
        // the scheduler last planned a slot five hours ago (it was down since)
        Instant anchor = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
        new RunLedger(ws.resolve(".vouch/schedule.json"), Clock.systemUTC()).write(new LedgerState(anchor, List.of(), List.of()));

        CliRun run = CliRun.of("schedule", "run", ws.toString(), "--once");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("scheduled scan for", ": ok", "earlier slot(s) missed");
        assertThat(CliRun.of("history", ws.toString()).out()).contains("#1 ");

        Path t2 = dir.resolve("t2.pdf");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        CliRun report = CliRun.of("report", "type2", ws.toString(), "--period", today.minusDays(1) + ".." + today,
                "--format", "json", "-o", t2.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        var missed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(t2.toFile()).path("model").path("missedScans");
        assertThat(missed.size()).as(missed.toString()).isGreaterThanOrEqualTo(1); // the five-hour outage
        assertThat(missed.get(0).path("reason").asText()).isEqualTo("not-running");

        CliRun status = CliRun.of("schedule", "status", ws.toString());
        assertThat(status.out()).contains("schedule  0 * * * * (UTC)", "runs      1 recorded", " OK ", "missed    1 gap(s)", "not-running");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        CliRun again = CliRun.of("schedule", "run", ws.toString(), "--once");
        if (Instant.now().truncatedTo(ChronoUnit.HOURS).equals(hour)) { // (a new hour may have begun meanwhile: then a slot is due)
            assertThat(again.err()).doesNotContain("scheduled scan for"); // nothing due until the next hour
        }
        Files.writeString(ws.resolve(".vouch/schedule.json"), "{ not json");
        CliRun corrupt = CliRun.of("schedule", "status", ws.toString());
        assertThat(corrupt.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(corrupt.err()).contains("schedule.json");
        assertThat(ws.resolve(".vouch/schedule.json")).exists(); // status only reads
    }

    @Test
    void aScanWaitsForNoOneAndRefusesWhileAnotherHoldsTheWorkspace() throws Exception {
        Path ws = workspace("");
        try (ScanLock.Held held = ScanLock.forWorkspace(ws).tryAcquire().orElseThrow()) {
            CliRun r = CliRun.of("scan", ws.toString(), "-q");
            assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("another scan of this workspace is running");
            assertThat(CliRun.of("scan", ws.toString(), "-q", "--no-store").exit()).as("not recording: no lock needed").isNotEqualTo(ExitCode.USAGE);
        }
        assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isIn(ExitCode.OK, ExitCode.FINDINGS);
    }
}
