package dev.vouch.vault.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of blobs at rest.
 *
 * <p>Stored format: magic {@code VOUCHENC1} (9 ASCII bytes), a 12-byte random nonce, then the
 * ciphertext followed by the 16-byte tag. The additional authenticated data is the blob's digest
 * hex (ASCII), which binds a ciphertext to its address: an encrypted file moved to another
 * digest's path fails to decrypt. Digests are always of the plaintext.
 *
 * <p>The key is never printed: not in messages, not in {@link #toString()}.
 */
public final class BlobCipher {
    static final byte[] MAGIC = "VOUCHENC1".getBytes(StandardCharsets.US_ASCII);
    static final int NONCE_BYTES = 12;
    private static final int KEY_BYTES = 32;
    private static final int TAG_BITS = 128;
    private static final int BASE64_KEY_CHARS = 44;
    private static final long MAX_KEY_FILE_BYTES = 1024;

    private final SecretKeySpec key;
    private final SecureRandom random;

    private BlobCipher(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /**
     * Reads a key file holding either exactly 32 raw bytes or the 44-character Base64 text of
     * 32 bytes (surrounding whitespace allowed).
     */
    public static BlobCipher fromKeyFile(Path file) {
        Objects.requireNonNull(file, "key file");
        byte[] content;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw new IllegalArgumentException("vault encryption key file " + file
                        + ": too large; expected 32 raw bytes or 44 characters of Base64");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vault encryption key file " + file, e);
        }
        try {
            if (content.length == KEY_BYTES) {
                return fromBytes(content);
            }
            String text = new String(content, StandardCharsets.US_ASCII).strip();
            if (text.length() != BASE64_KEY_CHARS) {
                throw new IllegalArgumentException("vault encryption key file " + file + ": expected 32 raw bytes"
                        + " or 44 characters of Base64, found " + content.length + " bytes");
            }
            return fromBase64(text, "vault encryption key file " + file);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }

    /** Reads the Base64 of 32 bytes from an environment variable (e.g. {@code VOUCH_VAULT_KEY}). */
    public static BlobCipher fromEnvironment(String variableName) {
        return fromEnvironment(variableName, System.getenv());
    }

    static BlobCipher fromEnvironment(String variableName, Map<String, String> environment) {
        Objects.requireNonNull(variableName, "variable name");
        String value = environment.get(variableName);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("environment variable " + variableName
                    + " is not set; it must hold the Base64 of a 32-byte key (generate one with 'vouch vault keygen')");
        }
        return fromBase64(value.strip(), "environment variable " + variableName);
    }

    /** A fresh random 256-bit key as Base64 (44 characters). */
    public static String generateKeyBase64() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static BlobCipher fromBytes(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes, was " + key.length);
        }
        return new BlobCipher(key.clone(), new SecureRandom());
    }

    private static BlobCipher fromBase64(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // The decoder's message can quote the offending character; do not pass it on.
            throw new IllegalArgumentException(source + " is not valid Base64; expected the Base64 of 32 bytes");
        }
        try {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException(source + " decodes to " + key.length
                        + " bytes; expected 32 (AES-256)");
            }
            return fromBytes(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Whether stored bytes start with the encrypted-blob magic. */
    static boolean hasMagic(byte[] stored) {
        return stored.length >= MAGIC.length
                && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    byte[] encrypt(Digest digest, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, digest);
            byte[] out = new byte[MAGIC.length + NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
            System.arraycopy(nonce, 0, out, MAGIC.length, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, MAGIC.length + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption of blob " + digest + " failed", e);
        }
    }

    /**
     * Decrypts a stored blob.
     *
     * @throws BlobException when authentication fails (wrong key, altered ciphertext, or a
     *                       ciphertext moved from another digest's address)
     */
    byte[] decrypt(Digest digest, byte[] stored) {
        int header = MAGIC.length + NONCE_BYTES;
        if (!hasMagic(stored) || stored.length < header + TAG_BITS / 8) {
            throw new BlobException("blob " + digest + " failed decryption: not a complete VOUCHENC1 file ("
                    + stored.length + " bytes)");
        }
        byte[] nonce = Arrays.copyOfRange(stored, MAGIC.length, header);
        try {
            return cipher(Cipher.DECRYPT_MODE, nonce, digest).doFinal(stored, header, stored.length - header);
        } catch (GeneralSecurityException e) {
            throw new BlobException("blob " + digest + " failed decryption (AES-GCM authentication failed):"
                    + " wrong key, altered ciphertext, or a file moved from another blob's address", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, Digest digest) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(digest.hex().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    @Override
    public String toString() {
        return "BlobCipher[AES-256-GCM]";
    }
}
