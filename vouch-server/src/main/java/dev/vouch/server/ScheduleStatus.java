package dev.vouch.server;

import dev.vouch.schedule.LedgerCorruptException;
import dev.vouch.schedule.LedgerState;
import dev.vouch.schedule.MissedRun;
import dev.vouch.schedule.MissedRuns;
import dev.vouch.schedule.RunLedger;
import dev.vouch.schedule.RunRecord;
import dev.vouch.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The schedule as {@code GET /api/v1/schedule} and the Scans page show it: the next slots, the last runs and the
 * slots of the last {@link #DAYS} days that produced no scan (from the run ledger, read without changing it).
 * Instants are ISO-8601 UTC strings.
 *
 * @param configured vouch.yaml has a schedule
 * @param hosted this server runs it (not {@code --no-scheduler})
 * @param expression the cron expression or alias, or empty
 * @param zone its time zone, or empty
 * @param next the next three slots
 * @param runs the last runs, newest first
 * @param missed the gaps of the last {@link #DAYS} days, newest first
 * @param lastTick what the server's last tick did, or empty
 * @param problem why the ledger could not be read, or empty
 */
public record ScheduleStatus(boolean configured, boolean hosted, String expression, String zone, List<String> next, List<Run> runs,
        List<Gap> missed, String lastTick, String problem) {
    static final int DAYS = 30;
    static final int RUNS = 10;
    static final int GAPS = 50;

    public record Run(String slot, String started, String finished, String status, String message) {
        static Run of(RunRecord r) {
            return new Run(r.slot().toString(), r.started().toString(), r.finished().map(Instant::toString).orElse(""),
                    r.status().name().toLowerCase(Locale.ROOT), r.message());
        }
    }

    /** Consecutive missed slots {@code [from, to)} with one reason: not-running, failed or overlapped. */
    public record Gap(String from, String to, int slots, String reason) {
        static Gap of(MissedRun m) {
            return new Gap(m.from().toString(), m.to().toString(), m.missedSlots(), m.reason().wireName());
        }
    }

    static ScheduleStatus of(WorkspaceContext ws, boolean hosted, Optional<ServerScheduler.LastTick> tick) {
        String last = tick.map(t -> t.at() + ": " + t.result()).orElse("");
        Optional<Schedule> schedule = ws.workspace().schedule();
        if (schedule.isEmpty()) {
            return new ScheduleStatus(false, false, "", "", List.of(), List.of(), List.of(), last, "");
        }
        Schedule s = schedule.get();
        Instant now = ws.clock().instant();
        List<String> next = new ArrayList<>();
        Instant t = now;
        for (int i = 0; i < 3; i++) {
            t = s.next(t);
            next.add(t.toString());
        }
        Optional<LedgerState> state;
        try {
            state = RunLedger.forWorkspace(ws.workspace().dir(), ws.clock()).read();
        } catch (LedgerCorruptException | java.io.UncheckedIOException e) {
            return new ScheduleStatus(true, hosted, s.expression(), s.zone().getId(), next, List.of(), List.of(), last,
                    AuditTrail.clean(e.getMessage()) + " (the next scheduled tick sets it aside and starts a new one)");
        }
        List<Run> runs = state.map(ScheduleStatus::lastRuns).orElse(List.of());
        List<Gap> missed = state.map(st -> gaps(s, st, now)).orElse(List.of());
        return new ScheduleStatus(true, hosted, s.expression(), s.zone().getId(), next, runs, missed, last, "");
    }

    private static List<Run> lastRuns(LedgerState st) {
        List<RunRecord> all = st.runs();
        List<Run> out = new ArrayList<>(all.subList(Math.max(0, all.size() - RUNS), all.size()).stream().map(Run::of).toList());
        Collections.reverse(out);
        return out;
    }

    /** Gaps of the last {@link #DAYS} days (since the ledger began, when later). */
    private static List<Gap> gaps(Schedule s, LedgerState st, Instant now) {
        List<MissedRun> gaps = MissedRuns.between(s, st, now.minus(Duration.ofDays(DAYS)), now);
        List<Gap> out = new ArrayList<>(gaps.subList(Math.max(0, gaps.size() - GAPS), gaps.size()).stream().map(Gap::of).toList());
        Collections.reverse(out);
        return out;
    }
}
