package dev.vouch.auth;

import java.util.Locale;
import java.util.Set;

/** What an API token may do: read only (safe methods), or read and write. */
public enum TokenScope {
    READ, READ_WRITE;

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    public boolean allows(String httpMethod) {
        return this == READ_WRITE || SAFE.contains(httpMethod.toUpperCase(Locale.ROOT));
    }
}
