package dev.vouch.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * One scheduled run as kept in the ledger.
 *
 * @param slot the schedule slot the run stands for
 * @param started when it started
 * @param finished when it finished; empty while running
 * @param status running, ok or failed
 * @param message the failure message; empty unless failed
 */
public record RunRecord(Instant slot, Instant started, Optional<Instant> finished, Status status, String message) {

    public enum Status { RUNNING, OK, FAILED }

    public RunRecord {
        finished = finished == null ? Optional.empty() : finished;
        message = message == null ? "" : message;
        if ((status == Status.RUNNING) != finished.isEmpty()) {
            throw new IllegalArgumentException("run for slot " + slot + ": status " + status
                    + " does not match finished=" + finished);
        }
    }

    static RunRecord running(Instant slot, Instant started) {
        return new RunRecord(slot, started, Optional.empty(), Status.RUNNING, "");
    }

    RunRecord finish(Instant at, RunOutcome outcome) {
        if (outcome instanceof RunOutcome.Failed failed) {
            return new RunRecord(slot, started, Optional.of(at), Status.FAILED, failed.message());
        }
        return new RunRecord(slot, started, Optional.of(at), Status.OK, "");
    }

    /** Whether {@code instant} fell while this run was in progress ({@code started < instant < finished}). */
    boolean inProgressAt(Instant instant) {
        return instant.isAfter(started) && finished.map(instant::isBefore).orElse(false);
    }
}
