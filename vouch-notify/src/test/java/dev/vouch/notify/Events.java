package dev.vouch.notify;

import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fixed events shared by the tests. */
final class Events {
    static final Instant AT = Instant.parse("2025-03-04T05:06:07Z");

    private Events() {
    }

    static Notification.NewFailures threeFailures() {
        return new Notification.NewFailures("Acme", "scan-42", AT, List.of(
                new Notification.FailureItem("AZ-STG-003", Severity.MEDIUM, "stgprod", "/subscriptions/s1/stgprod",
                        "Storage account stgprod allows TLS1_0"),
                new Notification.FailureItem("AWS-S3-001", Severity.CRITICAL, "logs-bucket", "arn:aws:s3:::logs-bucket",
                        "Bucket logs-bucket is public"),
                new Notification.FailureItem("LNX-SSH-002", Severity.HIGH, "web-1", "host:web-1",
                        "sshd permits root login <yes> & passwords")),
                "https://vouch.example.com/");
    }

    static Notification.Drift drift() {
        return new Notification.Drift("Acme", "scan-42", AT, "CC6.1", "PASS", "FAIL",
                "2 checks now fail", "https://vouch.example.com");
    }

    static Notification.OverdueTask overdue() {
        return new Notification.OverdueTask("Acme", "T-12", "Rotate the deploy key", "alice@acme.example",
                Instant.parse("2025-03-01T00:00:00Z"), 3, "");
    }

    static Notification.NewFailures many(int n) {
        List<Notification.FailureItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Notification.FailureItem("CHK-" + (100 + i), Severity.LOW, "res-" + (100 + i),
                    "id-" + i, ""));
        }
        return new Notification.NewFailures("Acme", "scan-43", AT, items, "");
    }
}
