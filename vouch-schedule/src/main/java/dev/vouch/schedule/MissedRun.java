package dev.vouch.schedule;

import java.time.Instant;

/**
 * A maximal run of consecutive expected slots {@code [from, to)} that produced no successful scan,
 * for one reason. Same shape as the assessment's Type II {@code Gap(from, to, slots)} plus a reason.
 *
 * @param from the first missed slot
 * @param to the next expected slot after the last missed one (capped at the window end)
 * @param missedSlots how many slots
 * @param reason why
 */
public record MissedRun(Instant from, Instant to, int missedSlots, MissReason reason) {
}
