package dev.vouch.assess.sample;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The seed of a sample: the 32-byte root hash of a vault checkpoint (docs/vault.md). Parsing does
 * not verify the checkpoint's signature; verify it with the vault key first ({@code vouch vault verify}).
 *
 * @param hex the root hash, 64 lowercase hex digits
 * @param origin the checkpoint's origin line, or empty when only the root was given
 * @param treeSize the checkpoint's tree size, or -1 when only the root was given
 */
public record CheckpointRoot(String hex, String origin, long treeSize) {

    public CheckpointRoot {
        Objects.requireNonNull(hex, "hex");
        Objects.requireNonNull(origin, "origin");
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("checkpoint root must be 64 lowercase hex digits, was '" + hex + "'");
        }
    }

    /**
     * Accepts a signed checkpoint's text (origin, tree size, Base64 root, ...), or a root alone as 64
     * hex digits or as Base64 of 32 bytes. {@code what} names the input in messages (e.g. a file name).
     */
    public static CheckpointRoot parse(String text, String what) {
        String[] lines = text.strip().split("\n", -1);
        if (lines.length == 1) {
            return new CheckpointRoot(rootBytes(lines[0].strip(), what, 1), "", -1);
        }
        if (lines.length < 3) {
            throw new IllegalArgumentException(what + ": a checkpoint needs origin, tree size and root hash lines, found "
                    + lines.length + " line(s)");
        }
        long size;
        try {
            size = Long.parseLong(lines[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": line 2: tree size must be a decimal number, was '"
                    + lines[1].strip() + "'", e);
        }
        return new CheckpointRoot(rootBytes(lines[2].strip(), what, 3), lines[0].strip(), size);
    }

    /** The raw 32 bytes. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    private static String rootBytes(String token, String what, int line) {
        if (token.matches("[0-9a-fA-F]{64}")) {
            return token.toLowerCase(Locale.ROOT);
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": line " + line + ": root hash must be Base64 of 32 bytes "
                    + "or 64 hex digits, was '" + token + "'", e);
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException(what + ": line " + line + ": root hash must be 32 bytes (SHA-256), was "
                    + raw.length + " bytes");
        }
        return HexFormat.of().formatHex(raw);
    }
}
