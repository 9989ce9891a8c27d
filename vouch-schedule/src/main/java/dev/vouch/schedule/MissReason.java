package dev.vouch.schedule;

import java.util.Locale;

/** Why an expected slot produced no successful scan. */
public enum MissReason {
    /** Nothing ran the slot: the scheduler (server) was down, or the slot was replaced by a catch-up run. */
    NOT_RUNNING,
    /** The slot's run started and failed (or its process died). */
    FAILED,
    /** The slot came while an earlier run was still in progress. */
    OVERLAPPED;

    /** The wire name: {@code not-running}, {@code failed}, {@code overlapped}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static MissReason fromWire(String value) {
        for (MissReason reason : values()) {
            if (reason.wireName().equals(value)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("must be one of not-running, failed, overlapped, was '" + value + "'");
    }
}
