package dev.vouch.report.assessment;

import java.time.Instant;
import java.util.Objects;

/** The overall readiness score as of one recorded scan. */
public record TrendPoint(long scanId, Instant at, double overall) {
    public TrendPoint {
        Objects.requireNonNull(at, "at");
    }
}
