package dev.vouch.store;

import dev.vouch.model.Outcome;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded scan, without its findings.
 *
 * @param id the scan id, increasing with {@code finishedAt}
 * @param startedAt when the scan started (millisecond precision)
 * @param finishedAt when it finished; the instant its findings take effect in the history
 * @param recordedAt when the store recorded it (the store's clock)
 * @param sources the sources scanned, in order
 * @param resourceCount resources collected
 * @param outcomes how many findings had each outcome (every outcome present, zero when none)
 * @param collectionErrorCount how many collection errors the scan had
 */
public record ScanSummary(
        long id,
        Instant startedAt,
        Instant finishedAt,
        Instant recordedAt,
        List<String> sources,
        int resourceCount,
        Map<Outcome, Integer> outcomes,
        int collectionErrorCount) {

    public ScanSummary {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        sources = List.copyOf(sources);
        EnumMap<Outcome, Integer> all = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            all.put(o, outcomes.getOrDefault(o, 0));
        }
        outcomes = java.util.Collections.unmodifiableMap(all);
    }

    /** How many findings the scan produced. */
    public int findingCount() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(Outcome outcome) {
        return outcomes.get(outcome);
    }

    /** True when something could not be collected. */
    public boolean incomplete() {
        return collectionErrorCount > 0;
    }
}
