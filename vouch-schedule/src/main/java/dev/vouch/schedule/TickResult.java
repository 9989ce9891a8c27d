package dev.vouch.schedule;

import java.time.Instant;
import java.util.List;

/** What one {@link Scheduler#tick()} did. */
public sealed interface TickResult {

    /** Nothing was due. {@code warnings} carries e.g. a corrupt ledger that was set aside. */
    record Idle(Instant nextSlot, List<String> warnings) implements TickResult {
        public Idle {
            warnings = List.copyOf(warnings);
        }
    }

    /** A run is in progress, here ({@link Holder#THIS_PROCESS}) or elsewhere; nothing was done. */
    record Busy(Holder holder) implements TickResult {
    }

    /**
     * A slot was run. When several slots were due (after downtime or a long run) only the latest
     * ran; the earlier ones are in {@code skipped}.
     */
    record Ran(Instant slot, RunOutcome outcome, List<SkippedSlots> skipped, List<String> warnings) implements TickResult {
        public Ran {
            skipped = List.copyOf(skipped);
            warnings = List.copyOf(warnings);
        }

        public int missedSlots() {
            return skipped.stream().mapToInt(SkippedSlots::slots).sum();
        }
    }

    enum Holder { THIS_PROCESS, OTHER_PROCESS }
}
