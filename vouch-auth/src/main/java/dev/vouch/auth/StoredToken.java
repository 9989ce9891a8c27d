package dev.vouch.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the database keeps of an API token: never the token, only the SHA-256 of its secret part.
 *
 * @param id the public part (also shown in token lists so users can tell tokens apart)
 * @param revokedAt when it was revoked; a revoked token is refused
 */
public record StoredToken(String id, String name, String owner, TokenScope scope, String secretSha256, Instant createdAt,
        Optional<Instant> revokedAt) {
    public StoredToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(secretSha256, "secretSha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public StoredToken revoked(Instant at) {
        return new StoredToken(id, name, owner, scope, secretSha256, createdAt, Optional.of(at));
    }
}
