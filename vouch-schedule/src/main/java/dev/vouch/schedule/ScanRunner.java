package dev.vouch.schedule;

import java.time.Instant;

/** Runs one scan of the workspace for a schedule slot. Exceptions it throws are recorded as failures. */
@FunctionalInterface
public interface ScanRunner {

    RunOutcome run(Instant slot);
}
