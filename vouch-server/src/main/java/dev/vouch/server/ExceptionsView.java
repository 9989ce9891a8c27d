package dev.vouch.server;

import dev.vouch.engine.ExceptionRule;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The workspace's accepted-risk exceptions with how long each has left. */
final class ExceptionsView {
    /** An exception expiring within this many days is flagged. */
    static final int SOON_DAYS = 30;

    private ExceptionsView() {
    }

    record Row(String id, String checkId, String resources, String owner, String reason, LocalDate expires, long daysLeft,
            String state, String origin) {
    }

    static List<Row> rules(WorkspaceContext ws, Set<String> knownChecks) {
        LocalDate today = LocalDate.ofInstant(ws.clock().instant(), ZoneOffset.UTC);
        List<ExceptionRule> rules = ws.workspace().exceptions(knownChecks);
        return rules.stream().map(r -> {
            long left = ChronoUnit.DAYS.between(today, r.expires());
            String state = left < 0 ? "expired" : left <= SOON_DAYS ? "expiring" : "active";
            String origin = r.origin().location() + (r.origin().line() > 0 ? ":" + r.origin().line() : "");
            return new Row(r.id(), r.checkId(), r.resourceGlob(), r.owner(), r.reason(), r.expires(), left, state, origin);
        }).sorted(Comparator.comparing(Row::expires)).toList();
    }
}
