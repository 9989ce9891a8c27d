package dev.vouch.server;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in user of a request, kept in the session or built from an API token.
 *
 * @param windowFrom for auditors: the start of what they may see
 * @param windowTo for auditors: the end of what they may see (reads are "as of" this instant at the latest)
 * @param tokenId the API token the request came with; empty for browser sessions
 * @param canWrite the role writes and, for a token, its scope allows writing
 */
public record VouchUser(long accountId, String username, Role role, Optional<Instant> windowFrom, Optional<Instant> windowTo,
        Optional<String> tokenId, boolean canWrite) implements java.io.Serializable {
    public VouchUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(windowFrom, "windowFrom");
        Objects.requireNonNull(windowTo, "windowTo");
        Objects.requireNonNull(tokenId, "tokenId");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isAuditor() {
        return role == Role.AUDITOR;
    }

    /** The instant reads are made at: now, or the end of an auditor's window when that is earlier. */
    public Instant readAt(Instant now) {
        return windowTo.filter(t -> role == Role.AUDITOR && t.isBefore(now)).orElse(now);
    }

    /** Whether something dated {@code t} lies in what this user may see. */
    public boolean sees(Instant t) {
        if (role != Role.AUDITOR) {
            return true;
        }
        return windowFrom.map(f -> !t.isBefore(f)).orElse(true) && windowTo.map(to -> !t.isAfter(to)).orElse(true);
    }
}
