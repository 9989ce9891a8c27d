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

    /**
     * Maps a row whose first columns are {@link #COLUMNS}, in that order (by position: a query reading a year of
     * state maps hundreds of thousands of rows, and a lookup by name per cell costs more than the rest).
     */
    static StateRow map(ResultSet rs) throws SQLException {
        Finding f = new Finding(
                rs.getString(2),
                Severity.valueOf(rs.getString(7)),
                rs.getString(4),
                rs.getString(3),
                rs.getString(5),
                rs.getString(6),
                Outcome.valueOf(rs.getString(8)),
                rs.getString(9),
                new Origin(rs.getString(11), rs.getString(12), rs.getInt(13)),
                rs.getString(10));
        return new StateRow(rs.getLong(1), f);
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
