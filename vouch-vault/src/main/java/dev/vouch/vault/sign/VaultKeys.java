package dev.vouch.vault.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The vault's Ed25519 signing key pair. Files: private key as PKCS#8 PEM (mode 0600), public key
 * as X.509 SubjectPublicKeyInfo PEM — the formats {@code openssl genpkey -algorithm ed25519}
 * and {@code openssl pkey -pubout} read and write.
 */
public final class VaultKeys {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int RAW_KEY_BYTES = 32;
    private static final String ALGORITHM = "Ed25519";
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final PublicKey publicKey;
    private final PrivateKey privateKey;

    VaultKeys(PublicKey publicKey, PrivateKey privateKey) {
        this.publicKey = Objects.requireNonNull(publicKey, "public key");
        this.privateKey = Objects.requireNonNull(privateKey, "private key");
        rawPublicKey(publicKey); // validates it is Ed25519
    }

    /** A fresh random key pair. */
    public static VaultKeys generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new VaultKeys(pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /** Loads a key pair and checks that the two files belong together. */
    public static VaultKeys load(Path privatePem, Path publicPem) {
        String source = "vault private key " + privatePem;
        byte[] der = Pem.decode(Pem.readText(privatePem, "vault private key"), "PRIVATE KEY", source);
        PrivateKey priv;
        try {
            priv = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(source + ": not an Ed25519 PKCS#8 private key");
        } finally {
            Arrays.fill(der, (byte) 0);
        }
        VaultKeys keys = new VaultKeys(loadPublic(publicPem), priv);
        if (!keys.matches()) {
            throw new IllegalArgumentException(privatePem + " and " + publicPem + " are not the same key pair"
                    + " (the public key does not verify the private key's signature)");
        }
        return keys;
    }

    /**
     * Loads an Ed25519 public key: a SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----})
     * or a single line with the Base64 of the 32 raw key bytes.
     */
    public static PublicKey loadPublic(Path pem) {
        String source = "vault public key " + pem;
        String text = Pem.readText(pem, "vault public key").strip();
        byte[] der;
        if (!text.contains("-----BEGIN") && text.length() == 44) {
            der = spkiOf(decodeRawBase64(text, source));
        } else {
            der = Pem.decode(text, "PUBLIC KEY", source);
        }
        return publicKeyOf(der, source);
    }

    /**
     * Writes the private key (PKCS#8 PEM, created with mode 0600 on POSIX systems) and the public
     * key (SubjectPublicKeyInfo PEM). Refuses to overwrite either file.
     */
    public void save(Path privatePem, Path publicPem) {
        for (Path p : new Path[] {privatePem, publicPem}) {
            if (Files.exists(p)) {
                throw new IllegalStateException("refusing to overwrite existing vault key file " + p);
            }
        }
        byte[] pkcs8 = privateKey.getEncoded();
        byte[] pem = Pem.encode("PRIVATE KEY", pkcs8).getBytes(StandardCharsets.US_ASCII);
        try {
            writeNew(privatePem, pem, true);
            writeNew(publicPem, Pem.encode("PUBLIC KEY", publicKey.getEncoded()).getBytes(StandardCharsets.US_ASCII),
                    false);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
            Arrays.fill(pem, (byte) 0);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** {@code SHA256:} + unpadded Base64 of SHA-256 of the public key's DER, as OpenSSH shows keys. */
    public static String fingerprint(PublicKey key) {
        byte[] hash = sha256(key.getEncoded());
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
    }

    /** The 32 raw bytes of an Ed25519 public key (RFC 8032 encoding). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || der.length != SPKI_PREFIX.length + RAW_KEY_BYTES
                || !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length);
    }

    /** The Ed25519 public key with these 32 raw bytes. */
    static PublicKey publicKeyFromRaw(byte[] raw) {
        return publicKeyOf(spkiOf(raw), "raw Ed25519 public key");
    }

    /** Ed25519 signature (64 bytes) over {@code message}. */
    byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // malformed signature or key: it does not verify
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }

    private boolean matches() {
        byte[] probe = "vouch vault key pair check".getBytes(StandardCharsets.US_ASCII);
        return verify(publicKey, probe, sign(probe));
    }

    private static byte[] spkiOf(byte[] raw) {
        if (raw.length != RAW_KEY_BYTES) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, was " + raw.length);
        }
        byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + RAW_KEY_BYTES);
        System.arraycopy(raw, 0, der, SPKI_PREFIX.length, RAW_KEY_BYTES);
        return der;
    }

    private static byte[] decodeRawBase64(String text, String source) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": neither a PUBLIC KEY PEM nor the Base64 of 32 raw bytes");
        }
    }

    private static PublicKey publicKeyOf(byte[] der, String source) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            rawPublicKey(key);
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not an Ed25519 public key (SubjectPublicKeyInfo)");
        }
    }

    private static void writeNew(Path file, byte[] content, boolean secret) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectories(parent, ownerOnly(secret, "rwx------"));
            }
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(file, options, ownerOnly(secret, "rw-------"))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("refusing to overwrite existing vault key file " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vault key file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(boolean secret, String mode) {
        if (!secret || !POSIX) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))};
    }

    /** Names the key by its public fingerprint; never includes key material. */
    @Override
    public String toString() {
        return "VaultKeys[Ed25519, " + fingerprint(publicKey) + "]";
    }
}
