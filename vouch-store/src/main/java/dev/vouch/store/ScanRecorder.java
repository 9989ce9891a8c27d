package dev.vouch.store;

import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records one scan inside an open transaction: the scan row, its details, and the interval changes. */
final class ScanRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ScanRecorder.class);

    private final Handle h;

    ScanRecorder(Handle h) {
        this.h = h;
    }

    long record(ScanResult scan, Instant recordedAt) {
        long at = scan.finishedAt().toEpochMilli();
        checkOrder(scan, at);
        long scanId = nextId("scan");
        insertScan(scanId, scan, recordedAt);
        insertDetails(scanId, scan);
        applyIntervals(scanId, at, incoming(scan.findings()));
        return scanId;
    }

    private void checkOrder(ScanResult scan, long at) {
        h.createQuery("SELECT MAX(finished_at) FROM scan").mapTo(Long.class).findOne().ifPresent(last -> {
            if (at < last) {
                throw new IllegalArgumentException("Scan finished at " + scan.finishedAt()
                        + " is older than the latest recorded scan (" + Instant.ofEpochMilli(last)
                        + "); history is append-only");
            }
        });
    }

    private long nextId(String table) {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table).mapTo(Long.class).one();
    }

    private void insertScan(long id, ScanResult scan, Instant recordedAt) {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        scan.findings().forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
        h.createUpdate("INSERT INTO scan (id, started_at, finished_at, recorded_at, resource_count, finding_count,"
                        + " pass_count, fail_count, error_count, unknown_count, na_count, excepted_count,"
                        + " collection_error_count) VALUES (:id, :started, :finished, :recorded, :resources,"
                        + " :findings, :pass, :fail, :error, :unknown, :na, :excepted, :errors)")
                .bind("id", id)
                .bind("started", scan.startedAt().toEpochMilli())
                .bind("finished", scan.finishedAt().toEpochMilli())
                .bind("recorded", recordedAt.toEpochMilli())
                .bind("resources", scan.resourceCount())
                .bind("findings", scan.findings().size())
                .bind("pass", counts.getOrDefault(Outcome.PASS, 0))
                .bind("fail", counts.getOrDefault(Outcome.FAIL, 0))
                .bind("error", counts.getOrDefault(Outcome.ERROR, 0))
                .bind("unknown", counts.getOrDefault(Outcome.UNKNOWN, 0))
                .bind("na", counts.getOrDefault(Outcome.NOT_APPLICABLE, 0))
                .bind("excepted", counts.getOrDefault(Outcome.EXCEPTED, 0))
                .bind("errors", scan.errors().size())
                .execute();
    }

    private void insertDetails(long scanId, ScanResult scan) {
        PreparedBatch sources = h.prepareBatch("INSERT INTO scan_source (scan_id, position, source) VALUES (?, ?, ?)");
        for (int i = 0; i < scan.sources().size(); i++) {
            sources.add(scanId, i, scan.sources().get(i));
        }
        execute(sources);
        PreparedBatch errors = h.prepareBatch("INSERT INTO scan_collection_error (scan_id, position, origin_source,"
                + " origin_location, origin_line, message) VALUES (?, ?, ?, ?, ?, ?)");
        for (int i = 0; i < scan.errors().size(); i++) {
            CollectionError e = scan.errors().get(i);
            errors.add(scanId, i, e.origin().source(), e.origin().location(), e.origin().line(), e.message());
        }
        execute(errors);
        PreparedBatch notices = h.prepareBatch("INSERT INTO scan_exception_notice (scan_id, position, exception_id,"
                + " kind, message) VALUES (?, ?, ?, ?, ?)");
        for (int i = 0; i < scan.exceptionNotices().size(); i++) {
            ExceptionNotice n = scan.exceptionNotices().get(i);
            notices.add(scanId, i, n.exceptionId(), n.kind().name(), n.message() == null ? "" : n.message());
        }
        execute(notices);
    }

    /** The scan's findings by (check, resource key); a second finding for the same pair is dropped with a warning. */
    private static Map<ResourceKeys.Pair, Finding> incoming(List<Finding> findings) {
        Map<ResourceKeys.Pair, Finding> byPair = new LinkedHashMap<>();
        for (Finding f : findings) {
            Finding first = byPair.putIfAbsent(ResourceKeys.Pair.of(f), f);
            if (first != null) {
                LOG.warn("Check {} has two findings for the same resource ({} and {}); keeping the first",
                        f.checkId(), first.resourceId(), f.resourceId());
            }
        }
        return byPair;
    }

    private void applyIntervals(long scanId, long at, Map<ResourceKeys.Pair, Finding> incoming) {
        Map<ResourceKeys.Pair, StateRow> current = new HashMap<>();
        h.createQuery("SELECT " + StateRow.COLUMNS + " FROM finding_state WHERE valid_to_scan IS NULL")
                .map((rs, ctx) -> StateRow.map(rs))
                .forEach(r -> current.put(r.pair(), r));
        List<Long> toClose = new ArrayList<>();
        List<Finding> toOpen = new ArrayList<>();
        current.forEach((pair, row) -> {
            Finding now = incoming.get(pair);
            if (now == null || StateRow.stateDiffers(row.finding(), now)) {
                toClose.add(row.id());
            }
        });
        incoming.forEach((pair, f) -> {
            StateRow row = current.get(pair);
            if (row == null || StateRow.stateDiffers(row.finding(), f)) {
                toOpen.add(f);
            }
        });
        close(toClose, scanId, at);
        open(toOpen, scanId, at);
    }

    private void close(List<Long> ids, long scanId, long at) {
        PreparedBatch b = h.prepareBatch("UPDATE finding_state SET valid_to_scan = ?, valid_to_at = ? WHERE id = ?");
        ids.forEach(id -> b.add(scanId, at, id));
        execute(b);
    }

    private void open(List<Finding> findings, long scanId, long at) {
        long id = nextId("finding_state");
        PreparedBatch b = h.prepareBatch("INSERT INTO finding_state (id, check_id, resource_key, resource_id,"
                + " resource_type, resource_name, provider, severity, outcome, message, exception_id, origin_source,"
                + " origin_location, origin_line, valid_from_scan, valid_from_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        for (Finding f : findings) {
            b.add(id++, f.checkId(), ResourceKeys.of(f), f.resourceId(), f.resourceType(), f.resourceName(),
                    f.provider(), f.severity().name(), f.outcome().name(), f.message(), f.exceptionId(),
                    f.origin().source(), f.origin().location(), f.origin().line(), scanId, at);
        }
        execute(b);
    }

    private static void execute(PreparedBatch b) {
        if (b.size() > 0) {
            b.execute();
        }
    }
}
