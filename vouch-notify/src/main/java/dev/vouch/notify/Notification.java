package dev.vouch.notify;

import dev.vouch.model.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Something worth telling people about. Every event names its workspace and may carry a link base
 * (the Vouch server's external URL, e.g. {@code https://vouch.example.com}) used to build deep
 * links; an empty link base means "no links".
 */
public sealed interface Notification
        permits Notification.NewFailures, Notification.Drift, Notification.OverdueTask {

    /** Workspace display name; one line, shown in subjects and titles. */
    String workspace();

    /** Base URL for deep links, or empty. */
    String linkBase();

    /**
     * One finding that newly fails.
     *
     * @param checkId the check, e.g. {@code AZ-STG-003}
     * @param severity the check's severity
     * @param resourceName the resource's display name
     * @param resourceId the resource's id
     * @param message what was seen (may be empty)
     */
    record FailureItem(String checkId, Severity severity, String resourceName, String resourceId, String message) {
        public FailureItem {
            Objects.requireNonNull(checkId, "checkId");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(resourceId, "resourceId");
            resourceName = resourceName == null || resourceName.isBlank() ? resourceId : resourceName;
            message = message == null ? "" : message;
        }

        /** Most severe first, then by check id, resource name and id: the order every channel shows. */
        static final Comparator<FailureItem> ORDER = Comparator.comparing(FailureItem::severity)
                .thenComparing(FailureItem::checkId)
                .thenComparing(FailureItem::resourceName)
                .thenComparing(FailureItem::resourceId);
    }

    /** Findings that were passing or absent in the previous scan and now FAIL or ERROR. */
    record NewFailures(String workspace, String scanId, Instant at, List<FailureItem> items, String linkBase)
            implements Notification {
        public NewFailures {
            workspace = Fields.oneLine(workspace, "workspace");
            scanId = Fields.oneLine(scanId, "scanId");
            Objects.requireNonNull(at, "at");
            items = Objects.requireNonNull(items, "items").stream().sorted(FailureItem.ORDER).toList();
            linkBase = Fields.linkBase(linkBase);
        }

        /** The same event keeping only items at or above {@code bar}. */
        public NewFailures atLeast(Severity bar) {
            return new NewFailures(workspace, scanId, at,
                    items.stream().filter(i -> i.severity().atLeast(bar)).toList(), linkBase);
        }

        /** Number of items of exactly {@code severity}. */
        public long count(Severity severity) {
            return items.stream().filter(i -> i.severity() == severity).count();
        }
    }

    /**
     * A control's or a check's state moved, e.g. a control from PASS to FAIL or a score from 92 to 78.
     *
     * @param subject what drifted: a control id ({@code CC6.1}) or a check id
     * @param from the previous outcome or score, as shown
     * @param to the current outcome or score, as shown
     * @param reason why, in words (may be empty)
     */
    record Drift(String workspace, String scanId, Instant at, String subject, String from, String to,
                 String reason, String linkBase) implements Notification {
        public Drift {
            workspace = Fields.oneLine(workspace, "workspace");
            scanId = Fields.oneLine(scanId, "scanId");
            Objects.requireNonNull(at, "at");
            subject = Fields.oneLine(subject, "subject");
            from = Fields.oneLine(from, "from");
            to = Fields.oneLine(to, "to");
            reason = reason == null ? "" : reason;
            linkBase = Fields.linkBase(linkBase);
        }
    }

    /** A remediation or evidence task past its due time. */
    record OverdueTask(String workspace, String taskId, String title, String owner, Instant dueAt,
                       long daysOverdue, String linkBase) implements Notification {
        public OverdueTask {
            workspace = Fields.oneLine(workspace, "workspace");
            taskId = Fields.oneLine(taskId, "taskId");
            title = Fields.oneLine(title, "title");
            owner = owner == null || owner.isEmpty() ? "" : Fields.oneLine(owner, "owner");
            Objects.requireNonNull(dueAt, "dueAt");
            if (daysOverdue < 0) {
                throw new IllegalArgumentException("OverdueTask " + taskId + ": daysOverdue must be >= 0, was "
                        + daysOverdue);
            }
            linkBase = Fields.linkBase(linkBase);
        }

        /** Computes {@code daysOverdue} (whole days, rounded down) from the clock. */
        public static OverdueTask of(String workspace, String taskId, String title, String owner, Instant dueAt,
                                     Clock clock, String linkBase) {
            long days = Math.max(0, Duration.between(dueAt, clock.instant()).toDays());
            return new OverdueTask(workspace, taskId, title, owner, dueAt, days, linkBase);
        }
    }
}
