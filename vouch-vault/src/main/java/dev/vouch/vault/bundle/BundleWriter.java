package dev.vouch.vault.bundle;

import dev.vouch.vault.Vault;
import dev.vouch.vault.VaultException;
import dev.vouch.vault.blob.BlobStore;
import dev.vouch.vault.sign.Checkpoint;
import dev.vouch.vault.sign.SignedCheckpoint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.zip.ZipOutputStream;

/**
 * Exports an auditor bundle (docs/vault.md, "Auditor bundle"): a zip an auditor verifies offline with
 * {@link BundleVerifier}, with the bundled {@code Verify.java}, or by hand following {@code VERIFY.md}.
 *
 * <p>The zip is written to a temporary file beside the target and moved into place only when complete,
 * so a failed export (a corrupt blob, a damaged log) leaves nothing behind. Entries are in a fixed
 * order with fixed timestamps: the same vault, selection and clock give the same bytes. Blobs are
 * streamed, never held in memory together.
 */
public final class BundleWriter {
    private BundleWriter() {
    }

    /** As {@link #export(Vault, BlobStore, PublicKey, String, Selection, Path, Clock)}, stamped with the system clock. */
    public static Summary export(Vault vault, BlobStore blobs, PublicKey publicKey, String publicKeyPem,
            Selection selection, Path zipFile) {
        return export(vault, blobs, publicKey, publicKeyPem, selection, zipFile, Clock.systemUTC());
    }

    /**
     * Writes the statements {@code selection} picks, with their inclusion proofs in the vault's newest
     * checkpoint, their blobs (plaintext, each re-hashed against its digest), the checkpoint, the public
     * key, a manifest, {@code VERIFY.md} and {@code Verify.java}.
     *
     * @param publicKey the vault's public key: the newest checkpoint must verify with it
     * @param publicKeyPem the same key as SubjectPublicKeyInfo PEM, written as {@code vault.pub}
     * @param zipFile the bundle to create; never overwritten
     * @param clock stamps the manifest's {@code created} time
     * @throws VaultException naming the file, entry or blob, when the bundle cannot be written
     */
    public static Summary export(Vault vault, BlobStore blobs, PublicKey publicKey, String publicKeyPem,
            Selection selection, Path zipFile, Clock clock) {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(blobs, "blob store");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(clock, "clock");
        Path target = zipFile.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new VaultException(target + ": already exists; refusing to overwrite a bundle (choose another name)");
        }
        String note = vault.newestCheckpoint().orElseThrow(() -> new VaultException(
                "the vault in " + vault.paths().dir() + " has no signed checkpoint yet: nothing to export"));
        Checkpoint checkpoint = checkpointVerifiedWith(note, publicKey);
        checkPem(publicKeyPem, publicKey);
        BundleContent content = new BundleContent(vault, blobs, selection, checkpoint, note, publicKey, publicKeyPem, clock);
        return writeAtomically(target, content);
    }

    private static Checkpoint checkpointVerifiedWith(String note, PublicKey key) {
        SignedCheckpoint.Verification v;
        try {
            v = SignedCheckpoint.verify(note, Objects.requireNonNull(key, "public key"));
        } catch (RuntimeException e) {
            throw new VaultException("the vault's newest checkpoint is malformed: " + e.getMessage()
                    + "; run 'vouch vault verify'", e);
        }
        if (!v.valid()) {
            throw new VaultException("the vault's newest checkpoint (size " + v.checkpoint().size()
                    + ") does not verify with the given public key: " + v.reason());
        }
        return v.checkpoint();
    }

    private static void checkPem(String pem, PublicKey key) {
        byte[] der;
        try {
            der = BundleLayout.pemDer(Objects.requireNonNull(pem, "public key PEM"));
        } catch (IllegalArgumentException e) {
            throw new VaultException("the public key PEM to bundle as vault.pub is unusable: " + e.getMessage(), e);
        }
        if (!Arrays.equals(der, key.getEncoded())) {
            throw new VaultException("the public key PEM to bundle as vault.pub is not the given public key");
        }
    }

    private static Summary writeAtomically(Path target, BundleContent content) {
        Path dir = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                content.writeTo(zip);
            }
            Files.move(temp, target);
            return new Summary(content.statements(), content.blobCount(), content.treeSize(), target);
        } catch (FileAlreadyExistsException e) {
            throw new VaultException(target + ": already exists; refusing to overwrite a bundle", e);
        } catch (IOException | UncheckedIOException e) {
            throw new VaultException("cannot write bundle " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the export already failed with its own message; a leftover '.part' file is harmless
        }
    }
}
