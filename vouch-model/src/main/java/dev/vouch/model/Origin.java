package dev.vouch.model;

import java.util.Objects;

/**
 * Where a resource (or a collection error) came from.
 *
 * @param source the collector kind: {@code terraform}, {@code arm}, {@code azure-export}, {@code host}, {@code git} ...
 * @param location a file path (relative to the scanned root where there is one) or an API URL
 * @param line 1-based line in {@code location}, or 0 when not applicable
 */
public record Origin(String source, String location, int line) {
    public Origin {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(location, "location");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, was " + line);
        }
    }

    public static Origin of(String source, String location) {
        return new Origin(source, location, 0);
    }

    /** {@code file:line}, or just the location when there is no line. */
    public String display() {
        return line > 0 ? location + ":" + line : location;
    }
}
