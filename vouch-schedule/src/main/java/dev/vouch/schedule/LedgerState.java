package dev.vouch.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persisted run history of one workspace.
 *
 * @param lastPlannedSlot every slot at or before this instant has been run or recorded as skipped
 * @param runs runs in start order
 * @param skipped skipped slot ranges in time order
 */
public record LedgerState(Instant lastPlannedSlot, List<RunRecord> runs, List<SkippedSlots> skipped) {

    /** Oldest entries beyond this many are dropped on save. */
    static final int MAX_ENTRIES = 20_000;

    public LedgerState {
        runs = List.copyOf(tail(runs));
        skipped = List.copyOf(tail(skipped));
    }

    static LedgerState startingAt(Instant anchor) {
        return new LedgerState(anchor, List.of(), List.of());
    }

    private static <T> List<T> tail(List<T> list) {
        return list.size() <= MAX_ENTRIES ? list : list.subList(list.size() - MAX_ENTRIES, list.size());
    }

    /** The run currently marked running, if any. */
    public Optional<RunRecord> running() {
        return runs.stream().filter(r -> r.status() == RunRecord.Status.RUNNING).reduce((a, b) -> b);
    }

    LedgerState plan(Instant slot, List<SkippedSlots> newlySkipped, RunRecord run) {
        List<RunRecord> newRuns = new ArrayList<>(runs);
        newRuns.add(run);
        List<SkippedSlots> newSkipped = new ArrayList<>(skipped);
        newSkipped.addAll(newlySkipped);
        return new LedgerState(slot, newRuns, newSkipped);
    }

    /** Replaces the record of the run for {@code slot} (the latest such). */
    LedgerState replace(RunRecord updated) {
        List<RunRecord> newRuns = new ArrayList<>(runs);
        for (int i = newRuns.size() - 1; i >= 0; i--) {
            if (newRuns.get(i).slot().equals(updated.slot())) {
                newRuns.set(i, updated);
                return new LedgerState(lastPlannedSlot, newRuns, skipped);
            }
        }
        throw new IllegalStateException("no run recorded for slot " + updated.slot());
    }

    /**
     * When this ledger began recording: its oldest planned slot, run or skipped span. Slots before it were never the
     * scheduler's to run (the schedule or the ledger did not exist yet), so they are not missed runs.
     */
    public Instant began() {
        Instant b = lastPlannedSlot;
        for (RunRecord r : runs) {
            b = r.slot().isBefore(b) ? r.slot() : b;
        }
        for (SkippedSlots k : skipped) {
            b = k.first().isBefore(b) ? k.first() : b;
        }
        return b;
    }
}
