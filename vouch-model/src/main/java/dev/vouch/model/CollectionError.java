package dev.vouch.model;

import java.util.Objects;

/**
 * Something a collector could not read: a malformed file, an unreadable directory, a denied API call.
 * A scan with collection errors is incomplete, and says so in its exit code.
 */
public record CollectionError(Origin origin, String message) {
    public CollectionError {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
    }

    public String display() {
        return origin.display() + ": " + message;
    }
}
