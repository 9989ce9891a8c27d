package dev.vouch.assess.type2;

import java.time.Instant;

/**
 * One cadence period {@code [from, to)} of the window in which a manual control is expected to operate.
 *
 * @param label a calendar name when the period is a calendar quarter, month or year ({@code Q3 2024},
 *     {@code 2024-07}, {@code 2024}), else {@code period N}
 */
public record Period(int index, Instant from, Instant to, String label) {

    /** True when {@code [a, b]} shares time with this period, or is an instant inside it. */
    boolean touchedBy(Instant a, Instant b) {
        if (a.equals(b)) {
            return !a.isBefore(from) && a.isBefore(to);
        }
        return a.isBefore(to) && b.isAfter(from);
    }
}
