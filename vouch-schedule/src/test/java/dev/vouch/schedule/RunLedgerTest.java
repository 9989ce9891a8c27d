package dev.vouch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLedgerTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    @TempDir
    Path workspace;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T08:30:15Z"));

    private LedgerState sample() {
        return new LedgerState(T0.plusSeconds(7200),
                List.of(new RunRecord(T0, T0.plusSeconds(5), Optional.of(T0.plusSeconds(65)), RunRecord.Status.OK, ""),
                        new RunRecord(T0.plusSeconds(7200), T0.plusSeconds(7201), Optional.of(T0.plusSeconds(7300)),
                                RunRecord.Status.FAILED, "collector azure: 403 Forbidden")),
                List.of(new SkippedSlots(T0.plusSeconds(3600), T0.plusSeconds(3600), 1, MissReason.OVERLAPPED)));
    }

    private List<String> vouchDir() throws IOException {
        try (Stream<Path> files = Files.list(workspace.resolve(".vouch"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newWorkspaceHasNoLedger() {
        assertThat(RunLedger.forWorkspace(workspace, clock).read()).isEmpty();
        assertThat(RunLedger.forWorkspace(workspace, clock).loadOrRecover().warnings()).isEmpty();
    }

    @Test
    void writesAndReadsBackEveryField() throws IOException {
        RunLedger ledger = RunLedger.forWorkspace(workspace, clock);
        ledger.write(sample());
        assertThat(ledger.read()).contains(sample());
        assertThat(vouchDir()).containsExactly("schedule.json");
        String json = Files.readString(workspace.resolve(".vouch/schedule.json"));
        assertThat(json).contains("\"status\" : \"failed\"", "\"reason\" : \"overlapped\"", "\"version\" : 1");
    }

    @Test
    void tempFileLeftByACrashMidWriteIsIgnoredThenCleanedUp() throws IOException {
        RunLedger ledger = RunLedger.forWorkspace(workspace, clock);
        ledger.write(sample());
        Path stray = workspace.resolve(".vouch/schedule.json.8812345.tmp");
        Files.writeString(stray, "{\"version\": 1, \"lastPlannedSlot\": \"2025-06-0");

        RunLedger afterRestart = RunLedger.forWorkspace(workspace, clock);
        RunLedger.Loaded loaded = afterRestart.loadOrRecover();
        assertThat(loaded.state()).contains(sample());
        assertThat(loaded.warnings()).isEmpty();

        afterRestart.write(LedgerState.startingAt(T0));
        assertThat(vouchDir()).containsExactly("schedule.json");
    }

    @Test
    void corruptLedgerReadNamesFileAndLine() throws IOException {
        Path file = workspace.resolve(".vouch/schedule.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\n  \"version\": 1,\n  \"lastPlannedSlot\": \"2025-06-01T10:00:00Z\",\n  \"runs\": [ {\"slot\": \n");
        assertThatThrownBy(() -> RunLedger.forWorkspace(workspace, clock).read())
                .isInstanceOf(LedgerCorruptException.class)
                .hasMessageStartingWith("schedule ledger " + file + " is corrupt: line 5");
    }

    @Test
    void badFieldValueIsNamed() throws IOException {
        Path file = workspace.resolve(".vouch/schedule.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"version": 1, "lastPlannedSlot": "2025-06-01T10:00:00Z",
                 "runs": [{"slot": "2025-06-01T10:00:00Z", "started": "2025-06-01T10:00:05Z",
                           "finished": "2025-06-01T10:01:00Z", "status": "done"}],
                 "skipped": []}
                """);
        assertThatThrownBy(() -> RunLedger.forWorkspace(workspace, clock).read())
                .hasMessage("schedule ledger " + file + " is corrupt: field 'runs[0].status' must be running, ok or failed, was 'done'");
    }

    @Test
    void corruptLedgerIsKeptAsideAndAFreshOneStartedWithAWarning() throws IOException {
        Path file = workspace.resolve(".vouch/schedule.json");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {0x7b, 0x00, 0x13, (byte) 0xff});

        RunLedger.Loaded loaded = RunLedger.forWorkspace(workspace, clock).loadOrRecover();

        assertThat(loaded.state()).isEmpty();
        assertThat(loaded.warnings()).singleElement().asString()
                .startsWith("schedule ledger " + file + " is corrupt: line 1")
                .endsWith("kept it as schedule.json.corrupt-20250602T083015Z and started a fresh ledger (earlier runs will show as missed)");
        assertThat(vouchDir()).containsExactly("schedule.json.corrupt-20250602T083015Z");
        assertThat(Files.readAllBytes(workspace.resolve(".vouch/schedule.json.corrupt-20250602T083015Z")))
                .containsExactly(0x7b, 0x00, 0x13, 0xff);
    }
}
