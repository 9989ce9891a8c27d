package dev.vouch.cli.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock the history generator moves forward by hand: one step per synthetic scan. */
final class SteppingClock extends Clock {
    private Instant now;

    SteppingClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    void set(Instant t) {
        if (t.isBefore(now)) {
            throw new IllegalArgumentException("clock may only move forward: " + t + " is before " + now);
        }
        now = t;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a stepping clock is always UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
