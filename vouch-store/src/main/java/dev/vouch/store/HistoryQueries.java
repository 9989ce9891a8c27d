package dev.vouch.store;

import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/** Read-side queries over scans and finding intervals. */
final class HistoryQueries {
    private static final String ORDER = " ORDER BY check_id, resource_key";

    private final Handle h;

    HistoryQueries(Handle h) {
        this.h = h;
    }

    List<ScanSummary> scans(String where, Map<String, Object> args) {
        var q = h.createQuery("SELECT * FROM scan " + where + " ORDER BY id");
        args.forEach(q::bind);
        List<ScanSummary> partial = q.map((rs, ctx) -> summary(rs, List.of())).list();
        Map<Long, List<String>> sources = sources();
        List<ScanSummary> out = new ArrayList<>(partial.size());
        for (ScanSummary s : partial) {
            out.add(new ScanSummary(s.id(), s.startedAt(), s.finishedAt(), s.recordedAt(),
                    sources.getOrDefault(s.id(), List.of()), s.resourceCount(), s.outcomes(), s.collectionErrorCount()));
        }
        return out;
    }

    Optional<ScanSummary> latest() {
        List<ScanSummary> l = scans("WHERE id = (SELECT MAX(id) FROM scan)", Map.of());
        return l.stream().findFirst();
    }

    Optional<Long> latestScanIdAt(Instant t) {
        return h.createQuery("SELECT MAX(id) FROM scan WHERE finished_at <= :t")
                .bind("t", t.toEpochMilli()).mapTo(Long.class).findOne();
    }

    private Map<Long, List<String>> sources() {
        Map<Long, List<String>> out = new HashMap<>();
        h.createQuery("SELECT scan_id, source FROM scan_source ORDER BY scan_id, position")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static ScanSummary summary(ResultSet rs, List<String> sources) throws SQLException {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        counts.put(Outcome.PASS, rs.getInt("pass_count"));
        counts.put(Outcome.FAIL, rs.getInt("fail_count"));
        counts.put(Outcome.ERROR, rs.getInt("error_count"));
        counts.put(Outcome.UNKNOWN, rs.getInt("unknown_count"));
        counts.put(Outcome.NOT_APPLICABLE, rs.getInt("na_count"));
        counts.put(Outcome.EXCEPTED, rs.getInt("excepted_count"));
        return new ScanSummary(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("started_at")),
                Instant.ofEpochMilli(rs.getLong("finished_at")), Instant.ofEpochMilli(rs.getLong("recorded_at")),
                sources, rs.getInt("resource_count"), counts, rs.getInt("collection_error_count"));
    }

    /** The findings in force at instant {@code t}: intervals with {@code from <= t < to}. */
    List<Finding> findingsAsOf(Instant t) {
        return h.createQuery("SELECT " + StateRow.COLUMNS + " FROM finding_state WHERE valid_from_at <= :t"
                        + " AND (valid_to_at IS NULL OR valid_to_at > :t)" + ORDER)
                .bind("t", t.toEpochMilli())
                .map((rs, ctx) -> StateRow.map(rs).finding())
                .list();
    }

    /** Intervals with {@code valid_from < to} and {@code valid_to > from} (or still open), by check, resource, start. */
    List<FindingInterval> intervalsOverlapping(Instant from, Instant to) {
        return h.createQuery("SELECT " + StateRow.COLUMNS + ", valid_from_at, valid_to_at FROM finding_state"
                        + " WHERE valid_from_at < :to AND (valid_to_at IS NULL OR valid_to_at > :from)"
                        + ORDER + ", valid_from_at")
                .bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli())
                .map((rs, ctx) -> {
                    long end = rs.getLong("valid_to_at");
                    Instant validTo = rs.wasNull() ? FindingInterval.OPEN : Instant.ofEpochMilli(end);
                    return new FindingInterval(StateRow.map(rs).finding(),
                            Instant.ofEpochMilli(rs.getLong("valid_from_at")), validTo);
                })
                .list();
    }

    /** The findings as scan {@code scanId} left them. */
    List<Finding> findingsAtScan(long scanId) {
        return h.createQuery("SELECT " + StateRow.COLUMNS + " FROM finding_state WHERE valid_from_scan <= :s"
                        + " AND (valid_to_scan IS NULL OR valid_to_scan > :s)" + ORDER)
                .bind("s", scanId)
                .map((rs, ctx) -> StateRow.map(rs).finding())
                .list();
    }

    /** Intervals that ended after {@code fromScan} up to {@code toScan}, and those that started then and are open at {@code toScan}. */
    FindingDelta delta(long fromScan, long toScan) {
        List<Finding> ended = h.createQuery("SELECT " + StateRow.COLUMNS + " FROM finding_state"
                        + " WHERE valid_to_scan > :a AND valid_to_scan <= :b" + ORDER)
                .bind("a", fromScan).bind("b", toScan)
                .map((rs, ctx) -> StateRow.map(rs).finding())
                .list();
        List<Finding> started = h.createQuery("SELECT " + StateRow.COLUMNS + " FROM finding_state"
                        + " WHERE valid_from_scan > :a AND valid_from_scan <= :b AND (valid_to_scan IS NULL OR valid_to_scan > :b)" + ORDER)
                .bind("a", fromScan).bind("b", toScan)
                .map((rs, ctx) -> StateRow.map(rs).finding())
                .list();
        return new FindingDelta(ended, started);
    }

    List<FindingChange> changesBetween(long fromScan, long toScan) {
        Map<ResourceKeys.Pair, Finding> before = byPair(findingsAtScan(fromScan));
        Map<ResourceKeys.Pair, Finding> after = byPair(findingsAtScan(toScan));
        TreeSet<ResourceKeys.Pair> pairs = new TreeSet<>(before.keySet());
        pairs.addAll(after.keySet());
        List<FindingChange> out = new ArrayList<>();
        for (ResourceKeys.Pair p : pairs) {
            Finding b = before.get(p);
            Finding a = after.get(p);
            if (b == null) {
                out.add(new FindingChange.Appeared(a));
            } else if (a == null) {
                out.add(new FindingChange.Disappeared(b));
            } else if (StateRow.stateDiffers(b, a)) {
                out.add(new FindingChange.Changed(b, a));
            }
        }
        return out;
    }

    private static Map<ResourceKeys.Pair, Finding> byPair(List<Finding> findings) {
        Map<ResourceKeys.Pair, Finding> m = new TreeMap<>();
        findings.forEach(f -> m.put(ResourceKeys.Pair.of(f), f));
        return m;
    }

    List<CollectionError> collectionErrors(long scanId) {
        return h.createQuery("SELECT origin_source, origin_location, origin_line, message FROM scan_collection_error"
                        + " WHERE scan_id = :s ORDER BY position")
                .bind("s", scanId)
                .map((rs, ctx) -> new CollectionError(new Origin(rs.getString(1), rs.getString(2), rs.getInt(3)),
                        rs.getString(4)))
                .list();
    }

    List<ExceptionNotice> exceptionNotices(long scanId) {
        return h.createQuery("SELECT exception_id, kind, message FROM scan_exception_notice"
                        + " WHERE scan_id = :s ORDER BY position")
                .bind("s", scanId)
                .map((rs, ctx) -> new ExceptionNotice(rs.getString(1), ExceptionNotice.Kind.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .list();
    }

    /** How many rows {@code finding_state} holds: the cost of the history. */
    long intervalCount() {
        return h.createQuery("SELECT COUNT(*) FROM finding_state").mapTo(Long.class).one();
    }
}
