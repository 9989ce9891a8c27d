package dev.vouch.vault.sign;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A tree head of the evidence log: the body of a C2SP tlog-checkpoint with one extension line
 * ({@code time …}). See docs/vault.md, "Checkpoints".
 *
 * <p>{@code time} is kept at second precision (the format's), truncating any fraction.
 *
 * @param origin log identity, {@code vouch/<workspace>}: non-empty, no spaces, no '+'
 * @param size   tree size, at least 0
 * @param root   the 32-byte RFC 6962 root hash (copied in and out)
 * @param time   when the checkpoint was made
 */
public record Checkpoint(String origin, long size, byte[] root, Instant time) {
    static final int ROOT_BYTES = 32;

    public Checkpoint {
        Objects.requireNonNull(origin, "checkpoint origin");
        Objects.requireNonNull(root, "checkpoint root");
        Objects.requireNonNull(time, "checkpoint time");
        originProblem(origin).ifPresent(bad -> {
            throw new IllegalArgumentException("checkpoint origin '" + origin + "' " + bad);
        });
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint size must be at least 0, was " + size);
        }
        if (root.length != ROOT_BYTES) {
            throw new IllegalArgumentException("checkpoint root must be 32 bytes (SHA-256), was " + root.length);
        }
        root = root.clone();
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The signed text: {@code origin\nsize\nBase64(root)\ntime <RFC 3339 UTC>\n}. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n"
                + "time " + DateTimeFormatter.ISO_INSTANT.format(time) + "\n";
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && origin.equals(c.origin) && size == c.size
                && Arrays.equals(root, c.root) && time.equals(c.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root), time);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", size " + size + ", root " + HexFormat.of().formatHex(root)
                + ", " + time + "]";
    }

    /** Why {@code origin} is not a valid C2SP key name / origin, if it is not. */
    static Optional<String> originProblem(String origin) {
        if (origin.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < origin.length(); i++) {
            char c = origin.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("contains a control character");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("contains a space");
            }
            if (c == '+') {
                return Optional.of("contains '+'");
            }
        }
        return Optional.empty();
    }
}
