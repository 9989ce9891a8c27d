package dev.vouch.assess.type2;

import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored history interval of a (check, resource) pair: the state it was in from {@code from}
 * (the finish time of the scan that produced it) until {@code to} (the scan that changed it), or
 * {@link #OPEN} while it is still current. The CLI maps the store's finding intervals to these.
 */
public record FindingSpan(String checkId, String resourceId, String resourceName, Outcome outcome, Severity severity,
        Instant from, Instant to) {

    /** The {@code to} of an interval that is still current. */
    public static final Instant OPEN = Instant.MAX;

    public FindingSpan {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("finding interval " + checkId + " on " + resourceId + ": field 'to' ("
                    + to + ") must be after 'from' (" + from + ")");
        }
    }

    public boolean isOpen() {
        return to.equals(OPEN);
    }

    /** True when the finding was in force at {@code t}: {@code from <= t < to}. */
    boolean inForceAt(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
