package dev.vouch.store;

import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of {@code finding_state}: a finding and the id of the interval it belongs to. */
record StateRow(long id, Finding finding) {

    static final String COLUMNS = "id, check_id, resource_id, resource_type, resource_name, provider, severity,"
            + " outcome, message, exception_id, origin_source, origin_location, origin_line";

    static StateRow map(ResultSet rs) throws SQLException {
        Finding f = new Finding(
                rs.getString("check_id"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("resource_type"),
                rs.getString("resource_id"),
                rs.getString("resource_name"),
                rs.getString("provider"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("message"),
                new Origin(rs.getString("origin_source"), rs.getString("origin_location"), rs.getInt("origin_line")),
                rs.getString("exception_id"));
        return new StateRow(rs.getLong("id"), f);
    }

    ResourceKeys.Pair pair() {
        return ResourceKeys.Pair.of(finding);
    }

    /**
     * True when the verdict differs: outcome, message, severity or exception. Such a change closes the
     * current interval and opens a new one. Descriptive fields (resource name, type, provider, origin,
     * the spelling of an Azure id) do not: an interval keeps them as they were when it opened, so the
     * history is never rewritten.
     */
    static boolean stateDiffers(Finding a, Finding b) {
        return a.outcome() != b.outcome()
                || a.severity() != b.severity()
                || !a.message().equals(b.message())
                || !a.exceptionId().equals(b.exceptionId());
    }
}
