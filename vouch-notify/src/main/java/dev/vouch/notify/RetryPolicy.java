package dev.vouch.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * Webhook retry settings. 429 and 5xx responses and I/O errors are retried; the wait doubles from
 * {@code initialBackoff} up to {@code maxBackoff}, or is what {@code Retry-After} asks for. A
 * {@code Retry-After} longer than {@code maxRetryAfter} ends the attempts instead of stalling.
 *
 * @param maxAttempts total attempts, at least 1
 * @param initialBackoff first wait
 * @param maxBackoff longest computed wait
 * @param maxRetryAfter longest honoured {@code Retry-After}
 * @param requestTimeout per-request timeout
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                          Duration requestTimeout) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** 4 attempts, 1s doubling to 30s, Retry-After up to 120s, 10s per request. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(120),
                Duration.ofSeconds(10));
    }

    Duration backoff(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 20);
        Duration d = initialBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
