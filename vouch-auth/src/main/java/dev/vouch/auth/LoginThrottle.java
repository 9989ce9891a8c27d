package dev.vouch.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Back-off after failed sign-ins, per key (an account, and separately the client address): up to
 * {@code freeAttempts} attempts may fail back to back; the failure that reaches that count locks the key for
 * {@code base}, and each further failure for twice as long as the one before, up to {@code max}. A success clears the key. Keys are kept in a bounded map (oldest dropped) so a
 * flood of made-up names cannot exhaust memory.
 */
public final class LoginThrottle {
    private static final int MAX_KEYS = 100_000;
    private final Clock clock;
    private final int freeAttempts;
    private final Duration base;
    private final Duration max;
    /** Failures older than this are forgotten. */
    private static final Duration FORGET_AFTER = Duration.ofHours(24);
    private final Map<String, State> states = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            // a locked key is never pushed out by a flood of others
            return size() > MAX_KEYS && !eldest.getValue().lockedUntil().isAfter(clock.instant());
        }
    };

    private record State(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    public LoginThrottle(Clock clock, int freeAttempts, Duration base, Duration max) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (freeAttempts < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("throttle needs freeAttempts >= 1 and 0 < base <= max");
        }
        this.freeAttempts = freeAttempts;
        this.base = base;
        this.max = max;
    }

    /** Five free attempts, then 1 minute doubling to 1 hour. */
    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(clock, 5, Duration.ofMinutes(1), Duration.ofHours(1));
    }

    /** How long {@code key} must still wait before another attempt is even checked; empty when it may try now. */
    public synchronized Optional<Duration> retryAfter(String key) {
        State s = states.get(key);
        Instant now = clock.instant();
        return s == null || !s.lockedUntil().isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, s.lockedUntil()));
    }

    /**
     * Starts a sign-in attempt for {@code key}: refused with the wait when the key is locked, otherwise counted as a
     * failure at once (so parallel attempts cannot all pass the check before any failure is counted) and allowed;
     * call {@link #success} when it succeeds.
     */
    public synchronized Optional<Duration> begin(String key) {
        Optional<Duration> wait = retryAfter(key);
        if (wait.isEmpty()) {
            failure(key);
        }
        return wait;
    }

    public synchronized void failure(String key) {
        Instant now = clock.instant();
        State s = states.getOrDefault(key, new State(0, Instant.EPOCH, Instant.EPOCH));
        int failures = (Duration.between(s.lastFailure(), now).compareTo(FORGET_AFTER) > 0 ? 0 : s.failures()) + 1;
        Instant lockedUntil = Instant.EPOCH;
        if (failures >= freeAttempts) {
            int doublings = Math.min(failures - freeAttempts, 30);
            Duration wait = base.multipliedBy(1L << doublings);
            lockedUntil = now.plus(wait.compareTo(max) > 0 ? max : wait);
        }
        states.put(key, new State(failures, lockedUntil, now));
    }

    /** The throttle key of an account name: case and Unicode forms folded, so {@code Alice} and {@code alice} are one. */
    public static String userKey(String username) {
        return "user:" + java.text.Normalizer.normalize(username.strip(), java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    }

    /** The throttle key of a client address: IPv4 as is, IPv6 by its /64 (one host usually owns a whole /64). */
    public static String addressKey(java.net.InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 16) {
            return "ip6:" + java.util.HexFormat.of().formatHex(b, 0, 8) + "::/64";
        }
        return "ip:" + address.getHostAddress();
    }

    public synchronized void success(String key) {
        states.remove(key);
    }
}
