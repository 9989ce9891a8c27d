package dev.vouch.vault.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link BlobStore} on the local filesystem: {@code root/sha256/ab/cd/abcd…}, where
 * {@code ab} and {@code cd} are the first two byte pairs of the hex digest.
 *
 * <p>Writes are crash-safe (temp file, fsync, atomic rename, fsync of the directory) and
 * write-once: a blob already present is never rewritten. Every path is derived from a validated
 * {@link Digest}; no caller-supplied path is followed.
 *
 * <p>With a {@link BlobCipher}, new blobs are encrypted (AES-256-GCM); plaintext blobs written
 * before encryption was enabled stay readable, and {@link #verify} reports them. Encrypted puts
 * and reads hold one blob in memory (GCM authenticates the whole ciphertext before releasing
 * plaintext); plaintext puts from a stream are hashed while written and never held in memory.
 */
public final class FileBlobStore implements BlobStore {
    private static final String ALGORITHM_DIR = "sha256";
    private static final String STAGING_DIR = "tmp";

    private final Path root;
    private final Path objects;
    private final Optional<BlobCipher> cipher;

    /** A plaintext store under {@code root} (created if missing). */
    public FileBlobStore(Path root) {
        this(root, Optional.empty());
    }

    /**
     * A store under {@code root} (created if missing) that encrypts new blobs with
     * {@code cipher}; a {@code null} cipher means plaintext, as {@link #FileBlobStore(Path)}.
     */
    public FileBlobStore(Path root, BlobCipher cipher) {
        this(root, Optional.ofNullable(cipher));
    }

    private FileBlobStore(Path root, Optional<BlobCipher> cipher) {
        Objects.requireNonNull(root, "blob store root");
        this.root = root.toAbsolutePath().normalize();
        this.objects = this.root.resolve(ALGORITHM_DIR);
        this.cipher = cipher;
        checkRoot();
    }

    private void checkRoot() {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("blob store root " + root + " is not a directory");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob store root " + root, e);
        }
        if (!Files.isReadable(root)) {
            throw new IllegalArgumentException("blob store root " + root + " is not readable");
        }
    }

    @Override
    public Digest put(byte[] data) {
        Objects.requireNonNull(data, "blob data");
        Digest digest = Digest.of(data);
        Path target = pathOf(digest);
        if (Files.exists(target)) {
            return digest;
        }
        byte[] stored = cipher.map(c -> c.encrypt(digest, data)).orElse(data);
        try {
            AtomicFiles.write(target, stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob " + digest + " to " + target, e);
        }
        return digest;
    }

    @Override
    public Digest put(InputStream in) {
        Objects.requireNonNull(in, "blob input stream");
        if (cipher.isPresent()) {
            // GCM's AAD (the digest) must be known before encrypting: hash first, in memory.
            try {
                return put(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read blob input for " + root, e);
            }
        }
        return putStreaming(in);
    }

    private Digest putStreaming(InputStream in) {
        Path temp = null;
        try {
            temp = AtomicFiles.newTemp(root.resolve(STAGING_DIR));
            MessageDigest sha = Digest.sha256();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                in.transferTo(out);
            }
            Digest digest = Digest.of(sha);
            Path target = pathOf(digest);
            if (!Files.exists(target)) {
                AtomicFiles.fsync(temp);
                AtomicFiles.moveIntoPlace(temp, target);
            }
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write blob from stream under " + root, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public boolean contains(Digest d) {
        return Files.isRegularFile(pathOf(d));
    }

    @Override
    public InputStream open(Digest d) {
        Path path = pathOf(d);
        try {
            if (!startsWithMagic(path)) {
                return new VerifyingInputStream(Files.newInputStream(path), d);
            }
        } catch (NoSuchFileException e) {
            throw missing(d, path);
        } catch (IOException e) {
            throw new BlobException("blob " + d + " is unreadable at " + path + ": " + e.getMessage(), e);
        }
        return new ByteArrayInputStream(read(d));
    }

    @Override
    public byte[] read(Digest d) {
        Path path = pathOf(d);
        byte[] plaintext = decode(d, readStored(d, path));
        Digest actual = Digest.of(plaintext);
        if (!actual.equals(d)) {
            throw new BlobException("blob " + d + " content hashes to " + actual + " (" + path + ")");
        }
        return plaintext;
    }

    @Override
    public Stream<Digest> list() {
        List<Digest> digests = new ArrayList<>();
        if (!Files.isDirectory(objects)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(objects, 3)) {
            files.filter(this::isBlobPath).forEach(p -> digests.add(new Digest(p.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list blobs under " + objects, e);
        }
        return digests.stream().sorted((a, b) -> a.hex().compareTo(b.hex()));
    }

    @Override
    public List<String> verify(Digest d) {
        return new BlobVerifier(d, pathOf(d), cipher).problems();
    }

    /** The only way a path is formed: from a validated digest. */
    Path pathOf(Digest d) {
        String hex = d.hex();
        return objects.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private boolean isBlobPath(Path p) {
        String name = p.getFileName().toString();
        if (!name.matches("[0-9a-f]{64}") || !Files.isRegularFile(p)) {
            return false;
        }
        return pathOf(new Digest(name)).equals(p);
    }

    private byte[] decode(Digest d, byte[] stored) {
        if (!BlobCipher.hasMagic(stored) || Digest.of(stored).equals(d)) {
            return stored; // plaintext (possibly one that happens to start with the magic)
        }
        BlobCipher c = cipher.orElseThrow(() -> new BlobException("blob " + d + " is encrypted and no vault"
                + " encryption key is configured; set the key (e.g. VOUCH_VAULT_KEY) to read it"));
        return c.decrypt(d, stored);
    }

    private static byte[] readStored(Digest d, Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw missing(d, path);
        } catch (IOException e) {
            throw new BlobException("blob " + d + " is unreadable at " + path + ": " + e.getMessage(), e);
        }
    }

    static boolean startsWithMagic(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return BlobCipher.hasMagic(in.readNBytes(BlobCipher.MAGIC.length));
        }
    }

    private static BlobException missing(Digest d, Path path) {
        return new BlobException("blob " + d + " is missing (expected at " + path + ")");
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // The write already succeeded or failed with its own error; a leftover temp file in
            // the staging directory is never listed as a blob.
        }
    }

    @Override
    public String toString() {
        return "FileBlobStore[" + root + (cipher.isPresent() ? ", encrypted" : "") + "]";
    }
}
