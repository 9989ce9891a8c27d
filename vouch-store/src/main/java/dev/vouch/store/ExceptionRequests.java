package dev.vouch.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Exceptions requested and decided through the server (schema V6). Who may request or decide is the server's
 * business; this class keeps the requests and allows only the transitions requested → approved | rejected and
 * approved → revoked, each exactly once.
 */
public final class ExceptionRequests {
    private final Function<Function<Handle, Object>, Object> call;

    ExceptionRequests(Function<Function<Handle, Object>, Object> call) {
        this.call = call;
    }

    /** The states of a request. */
    public enum State {
        REQUESTED, APPROVED, REJECTED, REVOKED
    }

    /** A request and, once decided, its decision. */
    public record Request(long id, String checkId, String resourceGlob, String reason, LocalDate expires, String requestedBy,
            Instant requestedAt, State state, Optional<String> decidedBy, Optional<Instant> decidedAt, String decisionNote) {
        public Request {
            Objects.requireNonNull(checkId, "checkId");
            Objects.requireNonNull(resourceGlob, "resourceGlob");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(expires, "expires");
            Objects.requireNonNull(requestedBy, "requestedBy");
            Objects.requireNonNull(requestedAt, "requestedAt");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(decidedBy, "decidedBy");
            Objects.requireNonNull(decidedAt, "decidedAt");
            decisionNote = decisionNote == null ? "" : decisionNote;
        }

        /** The id scans and the vault know it by. */
        public String exceptionId() {
            return "REQ-" + id;
        }
    }

    public Request create(String checkId, String resourceGlob, String reason, LocalDate expires, String by, Instant at) {
        return run(h -> h.inTransaction(t -> {
            long id = t.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM exception_request").mapTo(Long.class).one();
            t.createUpdate("INSERT INTO exception_request (id, check_id, resource_glob, reason, expires, requested_by, requested_at,"
                            + " state) VALUES (:id, :c, :g, :r, :e, :b, :at, 'REQUESTED')")
                    .bind("id", id).bind("c", checkId).bind("g", resourceGlob).bind("r", reason).bind("e", expires.toString())
                    .bind("b", by).bind("at", at.toEpochMilli()).execute();
            return get(t, id).orElseThrow();
        }));
    }

    public Optional<Request> get(long id) {
        return run(h -> get(h, id));
    }

    /** Every request, newest first. */
    public List<Request> all() {
        return run(h -> h.createQuery(SELECT + " ORDER BY id DESC").map(ExceptionRequests::request).list());
    }

    /** Approved and not revoked: these apply to scans (expired ones too; the engine ends them by date). */
    public List<Request> approved() {
        return run(h -> h.createQuery(SELECT + " WHERE state = 'APPROVED' ORDER BY id").map(ExceptionRequests::request).list());
    }

    /**
     * Moves a request from {@code from} to {@code to}, once: of two concurrent decisions only one succeeds.
     *
     * @return whether this call made the change
     */
    public boolean decide(long id, State from, State to, String by, String note, Instant at) {
        return run(h -> h.createUpdate("UPDATE exception_request SET state = :to, decided_by = :b, decided_at = :at,"
                        + " decision_note = :n WHERE id = :id AND state = :from")
                .bind("to", to.name()).bind("b", by).bind("at", at.toEpochMilli()).bind("n", note).bind("id", id)
                .bind("from", from.name()).execute()) == 1;
    }

    private static final String SELECT = "SELECT id, check_id, resource_glob, reason, expires, requested_by, requested_at, state,"
            + " decided_by, decided_at, decision_note FROM exception_request";

    private static Optional<Request> get(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(ExceptionRequests::request).findOne();
    }

    private static Request request(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
        long decided = rs.getLong("decided_at");
        Optional<Instant> decidedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(decided));
        return new Request(rs.getLong("id"), rs.getString("check_id"), rs.getString("resource_glob"), rs.getString("reason"),
                LocalDate.parse(rs.getString("expires")), rs.getString("requested_by"), Instant.ofEpochMilli(rs.getLong("requested_at")),
                State.valueOf(rs.getString("state")), Optional.ofNullable(rs.getString("decided_by")), decidedAt,
                rs.getString("decision_note"));
    }

    @SuppressWarnings("unchecked")
    private <T> T run(Function<Handle, T> work) {
        return (T) call.apply((Function<Handle, Object>) (Function<?, ?>) work);
    }
}
