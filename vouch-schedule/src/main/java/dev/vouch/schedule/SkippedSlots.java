package dev.vouch.schedule;

import java.time.Instant;

/**
 * Slots the scheduler deliberately did not run (recorded when it caught up after being down or busy).
 *
 * @param first the first skipped slot
 * @param last the last skipped slot (inclusive)
 * @param slots how many slots
 * @param reason why
 */
public record SkippedSlots(Instant first, Instant last, int slots, MissReason reason) {

    public SkippedSlots {
        if (slots < 1 || last.isBefore(first)) {
            throw new IllegalArgumentException("skipped slots " + first + ".." + last + ": count " + slots + " is invalid");
        }
    }

    boolean contains(Instant slot) {
        return !slot.isBefore(first) && !slot.isAfter(last);
    }
}
