package dev.vouch.store;

import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helper building scan results at fixed instants; shared by every store backend's tests. */
final class Scans {
    /** Midnight of day 1; the scan of day {@code n} finishes at 02:00 that day. */
    static final Instant DAY1 = Instant.parse("2026-03-01T00:00:00Z");

    private final Instant finishedAt;
    private final List<Finding> findings = new ArrayList<>();
    private final List<CollectionError> errors = new ArrayList<>();
    private final List<ExceptionNotice> notices = new ArrayList<>();

    private Scans(Instant finishedAt) {
        this.finishedAt = finishedAt;
    }

    /** A scan finishing at 02:00 on day {@code day} (day 1 = {@link #DAY1}). */
    static Scans day(int day) {
        return new Scans(dayAt(day, 2));
    }

    static Instant dayAt(int day, int hour) {
        return DAY1.plus(Duration.ofDays(day - 1L)).plus(Duration.ofHours(hour));
    }

    static Finding finding(String check, String resourceId, Outcome outcome, String message) {
        String provider = resourceId.startsWith("/subscriptions/") ? "azure" : "terraform";
        return new Finding(check, Severity.HIGH, "azure.storage.account", resourceId,
                resourceId.substring(resourceId.lastIndexOf('/') + 1), provider, outcome, message,
                new Origin("azure-export", "exports/storage.json", 12), "");
    }

    Scans with(String check, String resourceId, Outcome outcome, String message) {
        findings.add(finding(check, resourceId, outcome, message));
        return this;
    }

    Scans with(Finding f) {
        findings.add(f);
        return this;
    }

    Scans error(String location, int line, String message) {
        errors.add(new CollectionError(new Origin("terraform", location, line), message));
        return this;
    }

    Scans notice(String exceptionId, ExceptionNotice.Kind kind, String message) {
        notices.add(new ExceptionNotice(exceptionId, kind, message));
        return this;
    }

    ScanResult build() {
        return new ScanResult(finishedAt.minusSeconds(30), finishedAt, List.of("azure-export:exports/", "terraform:infra/"),
                findings.size() + 2, findings, errors, notices, List.of());
    }
}
