package dev.vouch.vault.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 address of a blob's plaintext: 64 lowercase hex characters.
 * Written as {@code sha256:<hex>} in statements and messages.
 *
 * @param hex the 64 lowercase hexadecimal characters of the digest
 */
public record Digest(String hex) {
    private static final String PREFIX = "sha256:";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        Objects.requireNonNull(hex, "digest hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException(
                    "digest must be 64 lowercase hex characters, was '" + abbreviate(hex) + "'");
        }
    }

    /**
     * Parses {@code sha256:<64 hex>} or bare 64-character lowercase hex.
     *
     * @throws IllegalArgumentException naming the value and what was expected
     */
    public static Digest parse(String s) {
        Objects.requireNonNull(s, "digest text");
        String hex = s;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String algorithm = s.substring(0, colon);
            if (!algorithm.equals("sha256")) {
                throw new IllegalArgumentException("unsupported digest algorithm '" + abbreviate(algorithm)
                        + "' in '" + abbreviate(s) + "': only sha256 is supported");
            }
            hex = s.substring(colon + 1);
        }
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a digest: '" + abbreviate(s)
                    + "'; expected 'sha256:' followed by 64 lowercase hex characters (or the bare hex)");
        }
        return new Digest(hex);
    }

    /** The SHA-256 digest of {@code data}. */
    public static Digest of(byte[] data) {
        MessageDigest sha = sha256();
        return new Digest(HexFormat.of().formatHex(sha.digest(data)));
    }

    static Digest of(MessageDigest finished) {
        return new Digest(HexFormat.of().formatHex(finished.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    /** The 32 raw bytes of the digest. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    /** {@code sha256:<hex>}. */
    @Override
    public String toString() {
        return PREFIX + hex;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
