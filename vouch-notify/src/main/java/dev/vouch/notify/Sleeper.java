package dev.vouch.notify;

import java.time.Duration;

/** Waits between retries; injected so tests record waits instead of taking them. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Really waits, with {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
