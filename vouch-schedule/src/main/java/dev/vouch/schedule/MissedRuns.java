package dev.vouch.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which scheduled slots of a window produced no successful scan, and why. */
public final class MissedRuns {

    private MissedRuns() {
    }

    /**
     * Gaps over {@code [from, to)} read from the workspace ledger (read-only; a corrupt ledger throws
     * {@link LedgerCorruptException}). With no ledger every slot is missed as {@code not-running}.
     */
    public static List<MissedRun> between(Schedule schedule, RunLedger ledger, Instant from, Instant to) {
        LedgerState state = ledger.read().orElseGet(() -> new LedgerState(from, List.of(), List.of()));
        return between(schedule, state, from, to);
    }

    /**
     * Gaps over {@code [from, to)}, from when the ledger began at the earliest. A slot is covered by an {@code ok} or still-running run for it;
     * otherwise it is {@code failed} (its run failed), the reason recorded when it was skipped, or
     * {@code overlapped} (another run was in progress) or {@code not-running} (nothing ran it).
     */
    public static List<MissedRun> between(Schedule schedule, LedgerState state, Instant from, Instant to) {
        if (state.began().isAfter(from)) {
            from = state.began(); // slots before the ledger began were nobody's to run
        }
        Map<Instant, RunRecord> runsBySlot = new HashMap<>();
        state.runs().forEach(r -> runsBySlot.put(r.slot(), r));
        List<MissedRun> gaps = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        MissReason current = null;
        int count = 0;
        for (Instant slot : schedule.expectedRunsBetween(from, to)) {
            Optional<MissReason> miss = classify(slot, runsBySlot, state);
            if (current != null && miss.orElse(null) != current) {
                gaps.add(gap(schedule, first, last, count, current, to));
                current = null;
            }
            if (miss.isPresent()) {
                if (current == null) {
                    first = slot;
                    current = miss.get();
                    count = 0;
                }
                last = slot;
                count++;
            }
        }
        if (current != null) {
            gaps.add(gap(schedule, first, last, count, current, to));
        }
        return List.copyOf(gaps);
    }

    private static MissedRun gap(Schedule schedule, Instant first, Instant last, int count, MissReason reason, Instant windowEnd) {
        Instant end = schedule.next(last);
        return new MissedRun(first, end.isAfter(windowEnd) ? windowEnd : end, count, reason);
    }

    private static Optional<MissReason> classify(Instant slot, Map<Instant, RunRecord> runsBySlot, LedgerState state) {
        RunRecord run = runsBySlot.get(slot);
        if (run != null) {
            return run.status() == RunRecord.Status.FAILED ? Optional.of(MissReason.FAILED) : Optional.empty();
        }
        Optional<SkippedSlots> skipped = state.skipped().stream().filter(s -> s.contains(slot)).findFirst();
        if (skipped.isPresent()) {
            return Optional.of(skipped.get().reason());
        }
        boolean overlapped = state.runs().stream().anyMatch(r -> r.inProgressAt(slot));
        return Optional.of(overlapped ? MissReason.OVERLAPPED : MissReason.NOT_RUNNING);
    }
}
