package dev.vouch.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one scan produced; every renderer (table, JSON, SARIF, JUnit) and the store read this.
 *
 * @param startedAt when the scan started
 * @param finishedAt when it finished
 * @param sources the sources scanned, as the user named them (e.g. {@code terraform:infra/})
 * @param resourceCount how many resources were collected
 * @param findings one per (check, applicable resource)
 * @param errors what could not be collected; non-empty means the scan is incomplete
 * @param exceptionNotices expired and unused exceptions
 * @param checks the checks that ran
 */
public record ScanResult(
        Instant startedAt,
        Instant finishedAt,
        List<String> sources,
        int resourceCount,
        List<Finding> findings,
        List<CollectionError> errors,
        List<ExceptionNotice> exceptionNotices,
        List<CheckInfo> checks) {

    public ScanResult {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        sources = List.copyOf(sources);
        findings = List.copyOf(findings);
        errors = List.copyOf(errors);
        exceptionNotices = List.copyOf(exceptionNotices);
        checks = List.copyOf(checks);
    }

    public boolean incomplete() {
        return !errors.isEmpty();
    }
}
