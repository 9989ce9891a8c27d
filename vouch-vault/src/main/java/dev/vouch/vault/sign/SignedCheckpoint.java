package dev.vouch.vault.sign;

import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checkpoints as C2SP signed notes (c2sp.org/signed-note, c2sp.org/tlog-checkpoint), signed
 * with the vault's Ed25519 key under the key name = origin. See docs/vault.md, "Checkpoints".
 */
public final class SignedCheckpoint {
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern TIME = Pattern.compile("time \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    /**
     * The outcome of {@link #verify}.
     *
     * @param valid      whether a signature by the given key over this checkpoint verified
     * @param checkpoint the parsed checkpoint (to be trusted only when {@code valid})
     * @param reason     why it is not valid, or which key hash verified it
     */
    public record Verification(boolean valid, Checkpoint checkpoint, String reason) {
    }

    private SignedCheckpoint() {
    }

    /** The full note: {@code c.body()}, a blank line, and {@code — <origin> Base64(key hash ‖ sig)\n}. */
    public static String sign(Checkpoint c, VaultKeys keys) {
        Objects.requireNonNull(c, "checkpoint");
        Objects.requireNonNull(keys, "vault keys");
        String body = c.body();
        return body + "\n" + NoteSignature.signLine(c.origin(), keys, body);
    }

    /**
     * Parses a signed checkpoint note strictly, without checking its signature.
     *
     * @throws CheckpointFormatException naming the line and the problem
     */
    public static Checkpoint parse(String note) {
        Objects.requireNonNull(note, "checkpoint note");
        return checkpointOf(NoteParser.parse(note).textLines());
    }

    /**
     * Checks the note's signature line for its origin with {@code key}. Signature lines by other
     * key names are ignored (C2SP: e.g. witness cosignatures); every line with this origin and
     * this key's hash must verify.
     *
     * @throws CheckpointFormatException if the note is malformed (see {@link #parse})
     */
    public static Verification verify(String note, PublicKey key) {
        Objects.requireNonNull(note, "checkpoint note");
        Objects.requireNonNull(key, "public key");
        NoteParser.Note parsed = NoteParser.parse(note);
        Checkpoint c = checkpointOf(parsed.textLines());
        List<NoteSignature> named = parsed.signatures().stream()
                .filter(s -> s.keyName().equals(c.origin())).toList();
        if (named.isEmpty()) {
            return new Verification(false, c, "no signature line for origin " + c.origin());
        }
        byte[] expected = NoteSignature.keyId(c.origin(), key);
        List<NoteSignature> ours = named.stream().filter(s -> s.hasKeyId(expected)).toList();
        if (ours.isEmpty()) {
            return new Verification(false, c, "signature by another key (key hash " + named.get(0).keyIdHex()
                    + ", expected " + NoteSignature.hex(expected) + ")");
        }
        for (NoteSignature s : ours) {
            if (!s.verifies(key, parsed.text())) {
                return new Verification(false, c, "signature does not verify (line " + s.line()
                        + "): the checkpoint text or the signature was altered");
            }
        }
        return new Verification(true, c, "signature by key hash " + NoteSignature.hex(expected) + " verified");
    }

    private static Checkpoint checkpointOf(List<String> lines) {
        if (lines.size() < 4) {
            throw new CheckpointFormatException(lines.size() + 1, "expected 4 lines of checkpoint text (origin, size,"
                    + " root hash, time), found " + lines.size());
        }
        if (lines.size() > 4) {
            throw new CheckpointFormatException(5, "unexpected extension line after 'time'");
        }
        String origin = lines.get(0);
        Checkpoint.originProblem(origin).ifPresent(p -> {
            throw new CheckpointFormatException(1, "origin '" + origin + "' " + p);
        });
        return new Checkpoint(origin, size(lines.get(1)), root(lines.get(2)), time(lines.get(3)));
    }

    private static long size(String line) {
        if (!SIZE.matcher(line).matches()) {
            throw new CheckpointFormatException(2, "tree size must be a decimal number without leading zeros, was '"
                    + abbreviate(line) + "'");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new CheckpointFormatException(2, "tree size is too large: " + line);
        }
    }

    private static byte[] root(String line) {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(3, "root hash is not valid Base64: '" + abbreviate(line) + "'");
        }
        if (root.length != Checkpoint.ROOT_BYTES || !Base64.getEncoder().encodeToString(root).equals(line)) {
            throw new CheckpointFormatException(3, "root hash must be the Base64 of 32 bytes, was '"
                    + abbreviate(line) + "'");
        }
        return root;
    }

    private static Instant time(String line) {
        if (!TIME.matcher(line).matches()) {
            throw new CheckpointFormatException(4, "expected 'time YYYY-MM-DDTHH:MM:SSZ' (RFC 3339 UTC, seconds), was '"
                    + abbreviate(line) + "'");
        }
        try {
            return Instant.parse(line.substring("time ".length()));
        } catch (DateTimeParseException e) {
            throw new CheckpointFormatException(4, "not a valid date and time: '" + line + "'");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
