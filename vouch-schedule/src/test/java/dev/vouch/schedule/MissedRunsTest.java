package dev.vouch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissedRunsTest {

    private static final Schedule HOURLY = Schedule.parse("0 * * * *", ZoneOffset.UTC);
    private static final Instant H0 = Instant.parse("2025-06-01T00:00:00Z");

    private static Instant h(int hours) {
        return H0.plus(Duration.ofHours(hours));
    }

    private static RunRecord run(int hour, int minutes, RunRecord.Status status) {
        Instant started = h(hour).plusSeconds(10);
        return new RunRecord(h(hour), started, Optional.of(started.plus(Duration.ofMinutes(minutes))), status,
                status == RunRecord.Status.FAILED ? "boom" : "");
    }

    @Test
    void classifiesEverySlotAndMergesRunsOfTheSameReason() {
        LedgerState state = new LedgerState(h(9), List.of(
                run(0, 5, RunRecord.Status.OK),
                run(1, 150, RunRecord.Status.OK),      // in progress at 02:00 and 03:00 -> overlapped
                run(4, 5, RunRecord.Status.FAILED),
                run(5, 5, RunRecord.Status.FAILED),
                run(9, 5, RunRecord.Status.OK)),
                List.of(new SkippedSlots(h(6), h(7), 2, MissReason.NOT_RUNNING)));

        assertThat(MissedRuns.between(HOURLY, state, h(0), h(12))).containsExactly(
                new MissedRun(h(2), h(4), 2, MissReason.OVERLAPPED),
                new MissedRun(h(4), h(6), 2, MissReason.FAILED),
                new MissedRun(h(6), h(9), 3, MissReason.NOT_RUNNING),
                new MissedRun(h(10), h(12), 2, MissReason.NOT_RUNNING));
    }

    @Test
    void gapEndIsCappedAtTheWindowAndRunningCountsAsCovered() {
        LedgerState state = new LedgerState(h(2), List.of(run(0, 5, RunRecord.Status.OK), RunRecord.running(h(2), h(2))), List.of());
        assertThat(MissedRuns.between(HOURLY, state, h(0), h(1).plusSeconds(60)))
                .containsExactly(new MissedRun(h(1), h(1).plusSeconds(60), 1, MissReason.NOT_RUNNING));
        assertThat(MissedRuns.between(HOURLY, state, h(2), h(3))).isEmpty();
    }

    @Test
    void withoutALedgerEverySlotIsMissed(@TempDir Path workspace) {
        RunLedger none = RunLedger.forWorkspace(workspace, new MutableClock(H0));
        assertThat(MissedRuns.between(HOURLY, none, h(0), h(24)))
                .containsExactly(new MissedRun(h(0), h(24), 24, MissReason.NOT_RUNNING));
    }

    @Test
    void slotsBeforeTheLedgerBeganAreNotMissed() {
        // a ledger that began at 06:00 (its first run); a window from midnight counts from 06:00 only
        LedgerState state = new LedgerState(h(8), List.of(run(6, 5, RunRecord.Status.OK), run(8, 5, RunRecord.Status.OK)), List.of());
        assertThat(state.began()).isEqualTo(h(6));
        assertThat(MissedRuns.between(HOURLY, state, h(0), h(9))).containsExactly(new MissedRun(h(7), h(8), 1, MissReason.NOT_RUNNING));
    }
}
