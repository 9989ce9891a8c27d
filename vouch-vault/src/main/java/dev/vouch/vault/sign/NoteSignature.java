package dev.vouch.vault.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One signature line of a C2SP signed note: {@code — <key name> Base64(key ID[4] ‖ signature)}.
 *
 * @param line      1-based line number in the note (0 for one not yet written)
 * @param keyName   the key name (for a checkpoint, the origin)
 * @param keyId     the 4-byte key ID
 * @param signature the signature bytes after the key ID (64 for Ed25519)
 */
record NoteSignature(int line, String keyName, byte[] keyId, byte[] signature) {
    static final String PREFIX = "\u2014 ";
    private static final byte ED25519_TYPE = 0x01;
    static final int KEY_ID_BYTES = 4;

    /** {@code SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw Ed25519 public key)[:4]} (C2SP signed-note). */
    static byte[] keyId(String keyName, PublicKey key) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(keyName.getBytes(StandardCharsets.UTF_8));
        in.write('\n');
        in.write(ED25519_TYPE);
        in.writeBytes(VaultKeys.rawPublicKey(key));
        return Arrays.copyOf(VaultKeys.sha256(in.toByteArray()), KEY_ID_BYTES);
    }

    /** Signs {@code text} (the note text, ending in a newline) and returns the full line. */
    static String signLine(String keyName, VaultKeys keys, String text) {
        byte[] sig = keys.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] payload = Arrays.copyOf(keyId(keyName, keys.publicKey()), KEY_ID_BYTES + sig.length);
        System.arraycopy(sig, 0, payload, KEY_ID_BYTES, sig.length);
        return PREFIX + keyName + " " + Base64.getEncoder().encodeToString(payload) + "\n";
    }

    boolean hasKeyId(byte[] expected) {
        return Arrays.equals(keyId, expected);
    }

    boolean verifies(PublicKey key, String text) {
        return signature.length == 64 && VaultKeys.verify(key, text.getBytes(StandardCharsets.UTF_8), signature);
    }

    String keyIdHex() {
        return hex(keyId);
    }

    static String hex(byte[] keyId) {
        return HexFormat.of().formatHex(keyId);
    }
}
