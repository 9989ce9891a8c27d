package dev.vouch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the server's own secrets (TOTP keys) before they go into the database: AES-256-GCM with a key kept outside
 * the database, in {@code VOUCH_SECRET_KEY} (32 bytes, Base64) or else in {@code .vouch/server-secret.key} (made on
 * first use, mode 0600). A copy of the database alone, or a PostgreSQL dump, then holds no usable TOTP key.
 * Sealed text is {@code v1:<base64 nonce+ciphertext>}; anything else is read as an unsealed value from before.
 */
final class SecretBox {
    static final String ENV = "VOUCH_SECRET_KEY";
    static final String FILE = ".vouch/server-secret.key";
    private static final String PREFIX = "v1:";
    private static final int NONCE = 12;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The workspace's box: the key from the environment, or the key file (created when absent). */
    static SecretBox forWorkspace(Path workspace, Optional<String> envKey) {
        if (envKey.isPresent()) {
            return new SecretBox(decodeKey(envKey.get(), ENV));
        }
        Path file = workspace.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                Files.createDirectories(file.getParent());
                try {
                    Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                            Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: use theirs
                }
            }
            return new SecretBox(decodeKey(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the server's secret key " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] decodeKey(String text, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new dev.vouch.cli.workspace.ConfigException(where + ": not Base64 (32 random bytes, e.g. openssl rand -base64 32)");
        }
        if (k.length != 32) {
            throw new dev.vouch.cli.workspace.ConfigException(where + ": the key must be 32 bytes (openssl rand -base64 32), was " + k.length);
        }
        return k;
    }

    String seal(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The plain value of {@code stored}.
     *
     * @throws IllegalStateException when it was sealed with another key (the key file or VOUCH_SECRET_KEY changed)
     */
    String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored; // stored before secrets were sealed
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, NONCE));
            return new String(c.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be opened with this server's key (" + FILE + " or " + ENV
                    + " changed?); reset the account's authenticator with 'vouch users reset-mfa'");
        }
    }
}
