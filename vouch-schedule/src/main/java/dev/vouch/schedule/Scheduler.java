package dev.vouch.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a workspace's scans on its schedule, one at a time. The host calls {@link #tick()}
 * periodically (say every 30 seconds); a tick runs the due slot, if any, synchronously.
 *
 * <p>One at a time: an in-process flag plus the cross-process {@link ScanLock}. Survives restarts:
 * the {@link RunLedger} records the last planned slot and every run. After downtime (or a run that
 * outlasted several slots) only the latest due slot runs; the earlier ones are recorded as skipped
 * ({@code not-running} or {@code overlapped}). A run left {@code running} by a process that died is
 * closed as failed by the next tick. A new ledger starts at the first tick: no run until the next slot.
 */
public final class Scheduler {

    static final String INTERRUPTED = "interrupted: the process running this scan ended before it finished";
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final Schedule schedule;
    private final RunLedger ledger;
    private final ScanLock lock;
    private final Clock clock;
    private final ScanRunner runner;
    private final AtomicBoolean running = new AtomicBoolean();

    public Scheduler(Schedule schedule, RunLedger ledger, ScanLock lock, Clock clock, ScanRunner runner) {
        this.schedule = schedule;
        this.ledger = ledger;
        this.lock = lock;
        this.clock = clock;
        this.runner = runner;
    }

    /** A scheduler using {@code <workspace>/.vouch/schedule.json} and {@code <workspace>/.vouch/scan.lock}. */
    public static Scheduler forWorkspace(Path workspace, Schedule schedule, Clock clock, ScanRunner runner) {
        return new Scheduler(schedule, RunLedger.forWorkspace(workspace, clock), ScanLock.forWorkspace(workspace), clock, runner);
    }

    /** Runs the due slot if there is one and no run is in progress anywhere. */
    public TickResult tick() {
        if (!running.compareAndSet(false, true)) {
            return new TickResult.Busy(TickResult.Holder.THIS_PROCESS);
        }
        try {
            Optional<ScanLock.Held> held = lock.tryAcquire();
            if (held.isEmpty()) {
                return new TickResult.Busy(TickResult.Holder.OTHER_PROCESS);
            }
            try (ScanLock.Held ignored = held.get()) {
                return tickLocked();
            }
        } finally {
            running.set(false);
        }
    }

    private TickResult tickLocked() {
        Instant now = clock.instant();
        RunLedger.Loaded loaded = ledger.loadOrRecover();
        List<String> warnings = new ArrayList<>(loaded.warnings());
        LedgerState state;
        if (loaded.state().isPresent()) {
            state = closeInterrupted(loaded.state().get());
        } else {
            state = LedgerState.startingAt(now);
            ledger.write(state);
        }
        List<Instant> due = schedule.expectedRunsBetween(state.lastPlannedSlot().plusNanos(1), now.plusNanos(1));
        if (due.isEmpty()) {
            return new TickResult.Idle(schedule.next(now), warnings);
        }
        Instant slot = due.get(due.size() - 1);
        List<SkippedSlots> skipped = skippedRanges(due.subList(0, due.size() - 1), state);
        RunRecord run = RunRecord.running(slot, now);
        LedgerState planned = state.plan(slot, skipped, run);
        ledger.write(planned);
        RunOutcome outcome = runSafely(slot);
        ledger.write(planned.replace(run.finish(clock.instant(), outcome)));
        return new TickResult.Ran(slot, outcome, skipped, warnings);
    }

    /** We hold the lock, so a run still marked running belongs to a process that died. */
    private LedgerState closeInterrupted(LedgerState state) {
        Optional<RunRecord> stale = state.running();
        if (stale.isEmpty()) {
            return state;
        }
        RunRecord run = stale.get();
        LOG.warn("scan for slot {} started {} never finished; recording it as failed", run.slot(), run.started());
        LedgerState closed = state.replace(run.finish(run.started(), RunOutcome.failed(INTERRUPTED)));
        ledger.write(closed);
        return closed;
    }

    private RunOutcome runSafely(Instant slot) {
        try {
            RunOutcome outcome = runner.run(slot);
            return outcome == null ? RunOutcome.failed("scan runner returned no outcome") : outcome;
        } catch (RuntimeException e) {
            LOG.warn("scheduled scan for slot {} failed", slot, e);
            return RunOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Groups consecutive skipped slots by reason: overlapped if a run was in progress at the slot. */
    static List<SkippedSlots> skippedRanges(List<Instant> slots, LedgerState state) {
        List<SkippedSlots> ranges = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= slots.size(); i++) {
            if (i == slots.size() || reason(slots.get(i), state) != reason(slots.get(start), state)) {
                ranges.add(new SkippedSlots(slots.get(start), slots.get(i - 1), i - start, reason(slots.get(start), state)));
                start = i;
            }
        }
        return ranges;
    }

    private static MissReason reason(Instant slot, LedgerState state) {
        boolean overlapped = state.runs().stream().anyMatch(r -> r.inProgressAt(slot));
        return overlapped ? MissReason.OVERLAPPED : MissReason.NOT_RUNNING;
    }
}
