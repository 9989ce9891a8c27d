package dev.vouch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {

    private static final Instant START = Instant.parse("2025-06-01T09:40:00Z");
    private static final Instant T10 = Instant.parse("2025-06-01T10:00:00Z");
    private static final Schedule HOURLY = Schedule.parse("@hourly", ZoneOffset.UTC);

    @TempDir
    Path workspace;

    private final MutableClock clock = new MutableClock(START);
    private final List<Instant> ran = new ArrayList<>();

    private Scheduler scheduler(ScanRunner runner) {
        return Scheduler.forWorkspace(workspace, HOURLY, clock, runner);
    }

    private ScanRunner recording() {
        return slot -> {
            ran.add(slot);
            clock.advance(Duration.ofMinutes(4));
            return RunOutcome.ok();
        };
    }

    private LedgerState ledger() {
        return RunLedger.forWorkspace(workspace, clock).read().orElseThrow();
    }

    @Test
    void firstTickStartsTheLedgerThenADueSlotRunsExactlyOnce() {
        Scheduler scheduler = scheduler(recording());
        assertThat(scheduler.tick()).isEqualTo(new TickResult.Idle(T10, List.of()));

        clock.set(T10.plusSeconds(20));
        assertThat(scheduler.tick()).isEqualTo(new TickResult.Ran(T10, RunOutcome.ok(), List.of(), List.of()));
        assertThat(scheduler.tick()).isEqualTo(new TickResult.Idle(T10.plusSeconds(3600), List.of()));
        assertThat(ran).containsExactly(T10);

        RunRecord run = ledger().runs().get(0);
        assertThat(run).isEqualTo(new RunRecord(T10, T10.plusSeconds(20), Optional.of(T10.plusSeconds(260)), RunRecord.Status.OK, ""));
        assertThat(ledger().lastPlannedSlot()).isEqualTo(T10);
    }

    @Test
    void tickWhileARunIsInProgressInThisProcessIsSkipped() {
        List<TickResult> inner = new ArrayList<>();
        Scheduler[] self = new Scheduler[1];
        self[0] = scheduler(slot -> {
            ran.add(slot);
            clock.advance(Duration.ofMinutes(70));
            inner.add(self[0].tick());
            return RunOutcome.ok();
        });
        self[0].tick();
        clock.set(T10);
        assertThat(self[0].tick()).isInstanceOf(TickResult.Ran.class);
        assertThat(inner).containsExactly(new TickResult.Busy(TickResult.Holder.THIS_PROCESS));
        assertThat(ran).containsExactly(T10);
    }

    @Test
    void secondSchedulerOnTheSameWorkspaceCannotStartConcurrentlyAndSeesTheRun() {
        Scheduler other = scheduler(recording());
        List<TickResult> fromOther = new ArrayList<>();
        Scheduler first = scheduler(slot -> {
            ran.add(slot);
            fromOther.add(other.tick());
            return RunOutcome.ok();
        });
        first.tick();
        clock.set(T10.plusSeconds(5));
        assertThat(first.tick()).isInstanceOf(TickResult.Ran.class);
        assertThat(fromOther).containsExactly(new TickResult.Busy(TickResult.Holder.OTHER_PROCESS));

        assertThat(other.tick()).isEqualTo(new TickResult.Idle(T10.plusSeconds(3600), List.of()));
        assertThat(ran).containsExactly(T10);
    }

    @Test
    void lockHeldByAnotherProcessBlocksUntilThatProcessDies() throws Exception {
        Scheduler scheduler = scheduler(recording());
        scheduler.tick();
        clock.set(T10);
        Path lockFile = workspace.resolve(".vouch/scan.lock");
        String classes = Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes, LockHolder.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThat(scheduler.tick()).isEqualTo(new TickResult.Busy(TickResult.Holder.OTHER_PROCESS));
            holder.destroyForcibly().waitFor();
        }
        assertThat(scheduler.tick()).isEqualTo(new TickResult.Ran(T10, RunOutcome.ok(), List.of(), List.of()));
        assertThat(ran).containsExactly(T10);
    }

    @Test
    void restartAfterThreeDaysDownRunsOneCatchUpAndRecordsTheRestMissed() {
        scheduler(recording()).tick();
        clock.set(T10);
        scheduler(recording()).tick();

        clock.set(T10.plus(Duration.ofDays(3)).plus(Duration.ofMinutes(10)));
        Scheduler restarted = scheduler(recording());
        TickResult result = restarted.tick();

        Instant latest = T10.plus(Duration.ofDays(3));
        SkippedSlots missed = new SkippedSlots(T10.plusSeconds(3600), latest.minusSeconds(3600), 71, MissReason.NOT_RUNNING);
        assertThat(result).isEqualTo(new TickResult.Ran(latest, RunOutcome.ok(), List.of(missed), List.of()));
        assertThat(((TickResult.Ran) result).missedSlots()).isEqualTo(71);
        assertThat(ran).containsExactly(T10, latest);
        assertThat(MissedRuns.between(HOURLY, RunLedger.forWorkspace(workspace, clock), T10, latest.plusSeconds(3600)))
                .containsExactly(new MissedRun(T10.plusSeconds(3600), latest, 71, MissReason.NOT_RUNNING));
    }

    @Test
    void longRunThatOutlastsSlotsRecordsThemAsOverlapped() {
        Scheduler scheduler = scheduler(slot -> {
            ran.add(slot);
            clock.advance(Duration.ofMinutes(150));
            return RunOutcome.ok();
        });
        scheduler.tick();
        clock.set(T10);
        scheduler.tick();
        TickResult result = scheduler.tick();

        Instant t11 = T10.plusSeconds(3600);
        assertThat(result).isEqualTo(new TickResult.Ran(T10.plusSeconds(7200), RunOutcome.ok(),
                List.of(new SkippedSlots(t11, t11, 1, MissReason.OVERLAPPED)), List.of()));
        assertThat(MissedRuns.between(HOURLY, ledger(), T10, T10.plusSeconds(3 * 3600)))
                .containsExactly(new MissedRun(t11, T10.plusSeconds(7200), 1, MissReason.OVERLAPPED));
    }

    @Test
    void failedAndThrowingRunsAreRecordedAsFailed() {
        List<RunOutcome> outcomes = new ArrayList<>(List.of(RunOutcome.failed("collector aws: AccessDenied")));
        Scheduler scheduler = scheduler(slot -> {
            if (outcomes.isEmpty()) {
                throw new IllegalStateException("disk full writing scan " + slot);
            }
            return outcomes.remove(0);
        });
        scheduler.tick();
        clock.set(T10);
        assertThat(scheduler.tick()).isEqualTo(new TickResult.Ran(T10, RunOutcome.failed("collector aws: AccessDenied"), List.of(), List.of()));
        clock.set(T10.plusSeconds(3600));
        assertThat(scheduler.tick()).isEqualTo(new TickResult.Ran(T10.plusSeconds(3600),
                RunOutcome.failed("IllegalStateException: disk full writing scan 2025-06-01T11:00:00Z"), List.of(), List.of()));

        assertThat(ledger().runs()).extracting(RunRecord::status, RunRecord::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RunRecord.Status.FAILED, "collector aws: AccessDenied"),
                org.assertj.core.groups.Tuple.tuple(RunRecord.Status.FAILED, "IllegalStateException: disk full writing scan 2025-06-01T11:00:00Z"));
        assertThat(MissedRuns.between(HOURLY, ledger(), T10, T10.plusSeconds(7200)))
                .containsExactly(new MissedRun(T10, T10.plusSeconds(7200), 2, MissReason.FAILED));
    }

    @Test
    void runLeftRunningByACrashedProcessIsClosedAsFailed() {
        RunLedger ledger = RunLedger.forWorkspace(workspace, clock);
        ledger.write(new LedgerState(T10, List.of(RunRecord.running(T10, T10.plusSeconds(3))), List.of()));
        clock.set(T10.plusSeconds(1800));

        assertThat(scheduler(recording()).tick()).isEqualTo(new TickResult.Idle(T10.plusSeconds(3600), List.of()));
        assertThat(ledger().runs()).containsExactly(new RunRecord(T10, T10.plusSeconds(3), Optional.of(T10.plusSeconds(3)),
                RunRecord.Status.FAILED, Scheduler.INTERRUPTED));
        assertThat(ran).isEmpty();
    }

    @Test
    void corruptLedgerIsSetAsideAndTheTickSaysSo() throws IOException {
        Path file = workspace.resolve(".vouch/schedule.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not json");

        TickResult result = scheduler(recording()).tick();

        assertThat(result).isInstanceOfSatisfying(TickResult.Idle.class, idle -> {
            assertThat(idle.nextSlot()).isEqualTo(T10);
            assertThat(idle.warnings()).singleElement().asString().contains(file.toString(), "is corrupt", "schedule.json.corrupt-20250601T094000Z");
        });
        assertThat(Files.readString(workspace.resolve(".vouch/schedule.json.corrupt-20250601T094000Z"))).isEqualTo("not json");
        assertThat(ledger()).isEqualTo(LedgerState.startingAt(START));
    }
}
