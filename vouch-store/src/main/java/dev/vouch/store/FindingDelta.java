package dev.vouch.store;

import dev.vouch.model.Finding;
import java.util.List;
import java.util.Map;

/**
 * The recorded change between two scans, as interval edges: findings whose interval {@code ended} in between
 * (their check and resource no longer have that state) and findings whose interval {@code started} in between
 * and is still in force at the later scan.
 */
public record FindingDelta(List<Finding> ended, List<Finding> started) {
    public FindingDelta {
        ended = List.copyOf(ended);
        started = List.copyOf(started);
    }

    /** The key a finding's history is kept under: its check and its resource, Azure ids compared case-insensitively. */
    public static String key(Finding f) {
        return f.checkId() + "\u0000" + ResourceKeys.of(f);
    }

    /** Turns the findings after the earlier scan, keyed by {@link #key}, into those after the later one. */
    public void applyTo(Map<String, Finding> state) {
        ended.forEach(f -> state.remove(key(f)));
        started.forEach(f -> state.put(key(f), f));
    }
}
