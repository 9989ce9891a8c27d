package dev.vouch.assess;

import dev.vouch.catalog.Frequency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * How long evidence stays fresh: the cadence window plus a 10 % grace. Per-event evidence is fresh
 * for a year (at least one event in the last 366 days, the length of a Type II observation period).
 */
final class FreshnessRule {

    private static final long DAY_SECONDS = 86_400;

    private FreshnessRule() {
    }

    /** The cadence window in days, before grace. */
    static int windowDays(Frequency cadence) {
        return switch (cadence) {
            case CONTINUOUS, DAILY -> 1;
            case WEEKLY -> 7;
            case MONTHLY -> 31;
            case QUARTERLY -> 92;
            case ANNUAL, PER_EVENT -> 366;
        };
    }

    /** Window plus 10 % grace, exactly: {@code days × 86 400 × 11 / 10} seconds. */
    static Duration limit(Frequency cadence) {
        return Duration.ofSeconds(windowDays(cadence) * DAY_SECONDS * 11 / 10);
    }

    /** The limit in days, e.g. {@code 101.2} for quarterly. */
    static BigDecimal limitDays(Frequency cadence) {
        return BigDecimal.valueOf(windowDays(cadence) * 11L, 1);
    }

    /** The last instant at which an item covering up to {@code coversTo} is still fresh. */
    static Instant freshUntil(Instant coversTo, Frequency cadence) {
        return coversTo.plus(limit(cadence));
    }

    static boolean isFresh(Instant coversTo, Frequency cadence, Instant now) {
        return !now.isAfter(freshUntil(coversTo, cadence));
    }
}
