package dev.vouch.notify;

import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what is new after a scan. A finding is a new failure when it is FAIL or ERROR now and its
 * (check, resource) pair was absent, PASS, NOT_APPLICABLE or EXCEPTED in the previous scan (an
 * exception that lapsed is news), at or above the minimum severity. Pairs already failing, or UNKNOWN
 * before, are not repeated. Azure ids are compared case-insensitively, as ARM does.
 */
public final class NotificationPolicy {
    private static final Set<Outcome> WAS_FINE = Set.of(Outcome.PASS, Outcome.NOT_APPLICABLE, Outcome.EXCEPTED);
    private static final Set<Outcome> NOW_FAILING = Set.of(Outcome.FAIL, Outcome.ERROR);

    private final Severity minSeverity;

    public NotificationPolicy(Severity minSeverity) {
        this.minSeverity = Objects.requireNonNull(minSeverity, "minSeverity");
    }

    /**
     * The new-failures event for a scan, or empty when nothing newly fails.
     *
     * @param before findings of the previous scan (empty for a first scan: everything failing is new)
     * @param after findings of this scan
     */
    public Optional<Notification.NewFailures> newFailures(String workspace, String scanId, Instant at,
                                                          String linkBase, List<Finding> before,
                                                          List<Finding> after) {
        Map<String, Outcome> previous = new HashMap<>();
        for (Finding f : before) {
            previous.put(key(f), f.outcome());
        }
        Map<String, Notification.FailureItem> items = new LinkedHashMap<>();
        for (Finding f : after) {
            Outcome was = previous.get(key(f));
            boolean isNew = NOW_FAILING.contains(f.outcome()) && (was == null || WAS_FINE.contains(was));
            if (isNew && f.severity().atLeast(minSeverity)) {
                items.putIfAbsent(key(f), new Notification.FailureItem(f.checkId(), f.severity(), f.resourceName(),
                        f.resourceId(), f.message()));
            }
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Notification.NewFailures(workspace, scanId, at, new ArrayList<>(items.values()),
                linkBase));
    }

    static String key(Finding f) {
        String id = "azure".equalsIgnoreCase(f.provider()) ? f.resourceId().toLowerCase(Locale.ROOT) : f.resourceId();
        return f.checkId() + '\u0000' + f.resourceType() + '\u0000' + id;
    }
}
