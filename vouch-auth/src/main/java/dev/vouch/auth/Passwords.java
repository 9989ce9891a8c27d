package dev.vouch.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Password hashing with Argon2id at OWASP's recommended cost (19 MiB memory, 2 iterations, parallelism 1,
 * 16-byte salt, 32-byte hash), in the PHC string format Spring Security reads, so the server's
 * {@code PasswordEncoder} is this one. Rules for new passwords follow NIST SP 800-63B: length, not
 * composition.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
    /** Checked when there is no account, so a wrong name costs as long as a wrong password (no user enumeration). */
    private final String dummy = encoder.encode("no account has this password, it only spends the same time");

    /** The PHC-format hash of {@code password} ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), salted afresh. */
    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Whether {@code password} matches {@code hash}; with no hash (no such account) it takes as long and says no. */
    public boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        if (hash == null || hash.isEmpty()) {
            encoder.matches(password, dummy);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** True when {@code hash} was made with weaker parameters than today's: rehash at the next sign-in. */
    public boolean needsRehash(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    /** Why {@code password} may not be used by {@code username}; empty when it may. */
    public static List<String> problems(String password, String username) {
        List<String> out = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            out.add("at least " + MIN_LENGTH + " characters (a passphrase of a few words works well)");
        }
        if (length > MAX_LENGTH) {
            out.add("at most " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            out.add("must not contain the user name");
        }
        if (!password.isEmpty() && password.chars().distinct().count() <= 2) {
            out.add("must not repeat one or two characters");
        }
        if (lower.contains("vouch") && length < 20) {
            out.add("must not be built on the product's name");
        }
        return out;
    }
}
