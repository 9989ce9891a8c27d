package dev.vouch.collect.aws;

/** Waits between credential report polls; tests pass one that does not sleep. */
@FunctionalInterface
interface Sleeper {
    /** Waits before poll {@code attempt + 1} (0-based). */
    void sleep(int attempt);

    /** Sleeps 1 s, 2 s, 4 s … capped at 8 s (IAM usually completes a report within seconds). */
    static Sleeper backoff() {
        return attempt -> {
            try {
                Thread.sleep(Math.min(8_000L, 1_000L << Math.min(attempt, 3)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the IAM credential report", e);
            }
        };
    }
}
