package dev.vouch.store;

import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.ScanResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A workspace's scan history in a SQLite database. Findings are kept as <em>state intervals</em>: a
 * (check, resource) pair gets a new row only when its outcome, message, severity or exception changes,
 * so recording the same result again costs one {@code scan} row and nothing else.
 *
 * <p>Instants are stored with millisecond precision. Scans must be recorded in order of
 * {@link ScanResult#finishedAt()}; a scan's findings take effect at its finish instant.
 */
public final class Store implements AutoCloseable {
    private final Jdbi jdbi;
    private final Clock clock;
    private final String name;
    private final boolean postgres;
    private volatile boolean closed;

    private Store(Jdbi jdbi, Clock clock, String name, boolean postgres) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.name = name;
        this.postgres = postgres;
    }

    /**
     * Opens (creating it and its parent directories when absent) the database at {@code dbFile} and
     * migrates it to the current schema.
     *
     * @throws StoreException naming the file when it cannot be opened, is not a SQLite database or is corrupt
     */
    public static Store open(Path dbFile, Clock clock) {
        Objects.requireNonNull(dbFile, "dbFile");
        Objects.requireNonNull(clock, "clock");
        return new Store(Database.openSqlite(dbFile), clock, dbFile.toAbsolutePath().normalize().toString(), false);
    }

    /**
     * Opens a PostgreSQL database ({@code jdbc:postgresql://host:port/db?user=...}) and migrates it with the same
     * migrations as SQLite. The password, when not in the URL, comes from the environment variable
     * {@code VOUCH_DB_PASSWORD}; it is never part of any message.
     *
     * @throws StoreException naming the server and database (not the credentials) when it cannot be reached or migrated
     */
    public static Store openPostgres(String jdbcUrl, Clock clock) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        return new Store(Database.openPostgres(jdbcUrl), clock, Database.display(jdbcUrl), true);
    }

    /** A PostgreSQL JDBC URL opens PostgreSQL, anything else is a SQLite file path. */
    public static Store open(String database, Clock clock) {
        return isPostgres(database) ? openPostgres(database, clock) : open(Path.of(database), clock);
    }

    /** A database as messages may name it: a JDBC URL loses its parameters (they may hold credentials). */
    public static String displayName(String database) {
        return database.regionMatches(true, 0, "jdbc:", 0, 5) ? Database.display(database) : database;
    }

    public static boolean isPostgres(String database) {
        return database.startsWith("jdbc:postgresql:");
    }

    /** Records one scan in one transaction and returns its id. */
    public long recordScan(ScanResult scan) {
        Objects.requireNonNull(scan, "scan");
        Instant now = clock.instant();
        return call("record a scan", h -> h.inTransaction(tx -> {
            if (postgres) {
                // ids are MAX + 1 inside the transaction: one recorder at a time (SQLite's IMMEDIATE transactions do this)
                tx.execute("SET LOCAL lock_timeout = '10s'"); // as SQLite's busy timeout: give up rather than hang
                tx.execute("LOCK TABLE scan IN EXCLUSIVE MODE");
            }
            return new ScanRecorder(tx).record(scan, now);
        }));
    }

    /** Every recorded scan, oldest first. */
    public List<ScanSummary> scans() {
        return read("list scans", q -> q.scans("", Map.of()));
    }

    public Optional<ScanSummary> latestScan() {
        return read("read the latest scan", HistoryQueries::latest);
    }

    public Optional<ScanSummary> scan(long scanId) {
        return read("read scan " + scanId, q -> q.scans("WHERE id = :id", Map.of("id", scanId)).stream().findFirst());
    }

    /** The findings in force at {@code t}, reconstructed from the intervals, ordered by check then resource. */
    public List<Finding> findingsAsOf(Instant t) {
        Objects.requireNonNull(t, "t");
        return read("read findings as of " + t, q -> q.findingsAsOf(t));
    }

    /**
     * Every state interval that overlaps {@code [from, to)}, ordered by check, resource and start: the
     * input of a Type II analysis. Open intervals have {@link FindingInterval#OPEN} as their end.
     */
    public List<FindingInterval> intervalsOverlapping(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return read("read intervals overlapping " + from + ".." + to, q -> q.intervalsOverlapping(from, to));
    }

    /** The findings as scan {@code scanId} left them. */
    public List<Finding> findingsAtScan(long scanId) {
        return read("read findings of scan " + scanId, q -> q.findingsAtScan(scanId));
    }

    /** What differs between the state after scan {@code scanId} and the latest state; empty when nothing was recorded after it. */
    public List<FindingChange> changesSince(long scanId) {
        return read("read changes since scan " + scanId, q -> q.latest()
                .map(latest -> q.changesBetween(scanId, latest.id()))
                .orElse(List.of()));
    }

    /**
     * How to get from the findings after scan {@code fromScan} to those after {@code toScan} ({@code fromScan < toScan}):
     * drop the (check, resource) pairs of {@link FindingDelta#ended()}, then put {@link FindingDelta#started()}.
     * Reads only the intervals that changed, so its cost follows churn, not estate size.
     */
    public FindingDelta delta(long fromScan, long toScan) {
        if (fromScan >= toScan) {
            throw new IllegalArgumentException("delta from scan " + fromScan + " to scan " + toScan + ": the first must be earlier");
        }
        return read("read the changes between scans " + fromScan + " and " + toScan, q -> q.delta(fromScan, toScan));
    }

    /** What differs between the state after scan {@code fromScan} and after scan {@code toScan}. */
    public List<FindingChange> changesBetween(long fromScan, long toScan) {
        return read("read changes between scans " + fromScan + " and " + toScan, q -> q.changesBetween(fromScan, toScan));
    }

    public List<CollectionError> collectionErrors(long scanId) {
        return read("read collection errors of scan " + scanId, q -> q.collectionErrors(scanId));
    }

    public List<ExceptionNotice> exceptionNotices(long scanId) {
        return read("read exception notices of scan " + scanId, q -> q.exceptionNotices(scanId));
    }

    /** Exception events already recorded in the vault, as {@code "<id>/<event>"} (event: created, expired). */
    public java.util.Set<String> recordedExceptionEvents() {
        return call("read recorded exception events", h -> new java.util.TreeSet<>(h.createQuery(
                "SELECT exception_id || '/' || event FROM vault_exception_event").mapTo(String.class).list()));
    }

    /** Remembers that an exception event was recorded in the vault as entry {@code vaultSeq}. */
    public void markExceptionEventRecorded(String exceptionId, String event, long vaultSeq) {
        call("remember a recorded exception event", h -> h.createUpdate(
                "INSERT INTO vault_exception_event (exception_id, event, vault_seq, recorded_at) VALUES (?, ?, ?, ?)")
                .bind(0, exceptionId).bind(1, event).bind(2, vaultSeq).bind(3, clock.instant().toString()).execute());
    }

    /** The overall scores kept for {@code basis}, by scan id (see {@link #saveScore}). */
    public java.util.Map<Long, Double> scores(String basis) {
        return call("read kept scores", h -> {
            java.util.Map<Long, Double> out = new java.util.HashMap<>();
            h.createQuery("SELECT scan_id, overall FROM scan_score WHERE basis = :b").bind("b", basis)
                    .map((rs, ctx) -> java.util.Map.entry(rs.getLong(1), rs.getDouble(2)))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    /**
     * Keeps scan {@code scanId}'s overall score computed on {@code basis} (what the score depends on besides the
     * recorded findings and evidence: scope, catalog, scoring rules). Keeping it again replaces it.
     */
    public void saveScore(long scanId, String basis, double overall) {
        call("keep a score", h -> h.createUpdate("INSERT INTO scan_score (scan_id, basis, overall) VALUES (:s, :b, :o)"
                        + " ON CONFLICT (scan_id, basis) DO UPDATE SET overall = excluded.overall") // safe when two keep it at once
                .bind("s", scanId).bind("b", basis).bind("o", overall).execute());
    }

    /** The server's accounts and API tokens (schema V5). */
    public Accounts accounts() {
        return new Accounts(work -> call("read or change accounts", work::apply));
    }

    /** Exceptions requested and decided through the server (schema V6). */
    public ExceptionRequests exceptionRequests() {
        return new ExceptionRequests(work -> call("read or change exception requests", work::apply));
    }

    /** How many interval rows the history holds (what the history costs, for diagnostics and tests). */
    public long intervalCount() {
        return read("count intervals", HistoryQueries::intervalCount);
    }

    private <T> T read(String what, Function<HistoryQueries, T> query) {
        return call(what, h -> query.apply(new HistoryQueries(h)));
    }

    private <T> T call(String what, Function<Handle, T> work) {
        if (closed) {
            throw new IllegalStateException("Store " + name + " is closed");
        }
        try {
            return jdbi.withHandle(work::apply);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Cannot " + what + " in the Vouch database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "Store[" + name + "]";
    }
}
