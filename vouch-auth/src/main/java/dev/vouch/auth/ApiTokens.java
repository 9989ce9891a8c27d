package dev.vouch.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Base32;

/**
 * API tokens: {@code vouch_<id>_<secret>}, where the id (8 characters) finds the stored record and the secret
 * (256 random bits) proves possession. Only the SHA-256 of the secret is stored: a high-entropy secret needs no
 * slow hash, and a database leak yields nothing usable. Shown once, at issue.
 */
public final class ApiTokens {
    private static final Pattern FORMAT = Pattern.compile("vouch_([a-z2-7]{8})_([a-z2-7]{52})");
    private final SecureRandom random;
    private final Clock clock;

    public ApiTokens(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the user gets once: the whole token. */
    public record Issued(String token, StoredToken stored) {
        @Override
        public String toString() {
            return "Issued[" + stored + "]"; // never the token
        }
    }

    /** Issues a token named {@code name} (for the user's own bookkeeping) with {@code scope}. */
    public Issued issue(String name, String owner, TokenScope scope) {
        String id = base32(5);
        String secret = base32(32);
        StoredToken stored = new StoredToken(id, name, owner, scope, sha256(secret), clock.instant(), Optional.empty());
        return new Issued("vouch_" + id + "_" + secret, stored);
    }

    /** The id part of a presented token, when it has the token format; the caller looks the record up by it. */
    public static Optional<String> idOf(String presented) {
        Matcher m = FORMAT.matcher(presented == null ? "" : presented.trim());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Whether {@code presented} is the token of {@code stored}, not revoked, and its scope allows a request with
     * HTTP {@code method}. Compares hashes in constant time.
     */
    public static Verdict check(String presented, StoredToken stored, String method) {
        Matcher m = FORMAT.matcher(presented == null ? "" : presented.trim());
        if (!m.matches() || !m.group(1).equals(stored.id())) {
            return Verdict.INVALID;
        }
        if (!MessageDigest.isEqual(sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII),
                stored.secretSha256().getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        if (stored.revokedAt().isPresent()) {
            return Verdict.REVOKED;
        }
        return stored.scope().allows(method) ? Verdict.OK : Verdict.FORBIDDEN;
    }

    /** The outcome of checking a token: 401 for INVALID and REVOKED, 403 for FORBIDDEN. */
    public enum Verdict {
        OK, INVALID, REVOKED, FORBIDDEN
    }

    private String base32(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return new Base32().encodeToString(b).replace("=", "").toLowerCase(Locale.ROOT);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
