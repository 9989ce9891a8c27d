package dev.vouch.report.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The recorded scan a report scores: its store id, when it finished, what it read. */
public record ScanRef(long id, Instant finishedAt, List<String> sources, int resourceCount) {
    public ScanRef {
        Objects.requireNonNull(finishedAt, "finishedAt");
        sources = List.copyOf(sources);
    }
}
