package dev.vouch.schedule;

/** What one scan run came to. */
public sealed interface RunOutcome {

    static RunOutcome ok() {
        return new Ok();
    }

    static RunOutcome failed(String message) {
        return new Failed(message);
    }

    /** The scan completed (it may still have reported collection errors of its own). */
    record Ok() implements RunOutcome {
    }

    /** The scan did not complete. */
    record Failed(String message) implements RunOutcome {
        public Failed {
            message = message == null || message.isBlank() ? "scan failed (no message)" : message;
        }
    }
}
