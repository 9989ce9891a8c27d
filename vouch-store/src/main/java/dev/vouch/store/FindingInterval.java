package dev.vouch.store;

import dev.vouch.model.Finding;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored state interval of a (check, resource) pair: the finding as it stood from {@code validFrom}
 * (the finish instant of the scan that produced it) until {@code validTo} (the scan that changed it),
 * or {@link #OPEN} while it is still current.
 */
public record FindingInterval(Finding finding, Instant validFrom, Instant validTo) {

    /** The {@code validTo} of an interval that is still current. */
    public static final Instant OPEN = Instant.MAX;

    public FindingInterval {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
    }

    public boolean isOpen() {
        return validTo.equals(OPEN);
    }
}
