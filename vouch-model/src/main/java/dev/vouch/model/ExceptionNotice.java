package dev.vouch.model;

/**
 * Something a reviewer must know about a recorded exception: it has expired (its findings count
 * again), or it matched nothing in this scan (stale scope, or the issue was fixed).
 */
public record ExceptionNotice(String exceptionId, Kind kind, String message) {
    public enum Kind { EXPIRED, UNUSED }
}
