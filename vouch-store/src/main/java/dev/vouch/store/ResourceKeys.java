package dev.vouch.store;

import dev.vouch.model.Finding;
import java.util.Locale;

/**
 * The normalized key a finding's resource is matched on across scans. Azure ids (ARM ids, and any
 * resource of provider {@code azure}) compare case-insensitively, so their key is lower-cased;
 * other ids (file paths, host names, git paths) keep their case.
 */
final class ResourceKeys {
    private ResourceKeys() {
    }

    static String of(Finding f) {
        return of(f.provider(), f.resourceId());
    }

    static String of(String provider, String resourceId) {
        boolean azure = "azure".equalsIgnoreCase(provider)
                || resourceId.regionMatches(true, 0, "/subscriptions/", 0, "/subscriptions/".length());
        return azure ? resourceId.toLowerCase(Locale.ROOT) : resourceId;
    }

    /** The (check, resource key) pair a finding's history is kept under. */
    record Pair(String checkId, String resourceKey) implements Comparable<Pair> {
        static Pair of(Finding f) {
            return new Pair(f.checkId(), ResourceKeys.of(f));
        }

        @Override
        public int compareTo(Pair o) {
            int c = checkId.compareTo(o.checkId);
            return c != 0 ? c : resourceKey.compareTo(o.resourceKey);
        }
    }
}
