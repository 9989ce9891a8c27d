package dev.vouch.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 6 digits, 30-second steps,
 * the step before and after accepted for clock drift, and a used step never accepted again (replay).
 * What every authenticator app implements.
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    /** Steps either side of now that are accepted (clock drift between server and phone). */
    public static final int DRIFT_STEPS = 1;
    private static final int SECRET_BYTES = 20;
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** A new shared secret, Base32 without padding (what authenticator apps and otpauth URIs take). */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        return new Base32().encodeToString(key).replace("=", "");
    }

    /** The {@code otpauth://} URI an authenticator app scans as a QR code. */
    public static String uri(String issuer, String account, String secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    /** The step (30-second counter) an instant falls in. */
    public static long step(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
    }

    /** HOTP value of {@code counter} with {@code digits} digits (RFC 4226 §5.3, dynamic truncation). */
    static String code(byte[] key, long counter, int digits) {
        byte[] h;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%0" + digits + "d", binary % POW10[digits]);
    }

    /** The current code for {@code secret} (for tests and for showing the set-up works). */
    public static String codeAt(String secret, Instant t) {
        return code(decode(secret), step(t), DIGITS);
    }

    /**
     * Checks a code typed at {@code now}. Returns the step it matched, which the caller stores as the account's
     * last used step, when the code is right for now or one step either side and newer than {@code lastUsedStep};
     * empty otherwise (wrong, expired, malformed, or a replay of a code already accepted).
     */
    public static OptionalLong verify(String secret, String typed, Instant now, long lastUsedStep) {
        String code = typed == null ? "" : typed.replace(" ", "");
        if (code.length() != DIGITS || !code.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        byte[] key = decode(secret);
        long current = step(now);
        for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
            boolean equal = MessageDigest.isEqual(code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII));
            if (equal && s > lastUsedStep) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    private static byte[] decode(String secret) {
        byte[] key = new Base32().decode(secret.toUpperCase(Locale.ROOT).replace(" ", ""));
        if (key.length < 10) {
            throw new IllegalArgumentException("TOTP secret too short: " + key.length + " bytes (at least 10, 20 issued)");
        }
        return key;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
