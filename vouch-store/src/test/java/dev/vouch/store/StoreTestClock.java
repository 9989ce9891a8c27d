package dev.vouch.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The fixed clock store tests record with. */
final class StoreTestClock {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

    private StoreTestClock() {
    }

    static Clock fixed() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
