package dev.vouch.vault.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Verifies an auditor bundle offline, with the key the auditor trusts (docs/vault.md, "Auditor bundle"):
 * the checkpoint's signature, each statement's inclusion proof against the checkpoint's root, each
 * blob's SHA-256 against the digest its statement names, and each statement's canonical form.
 *
 * <p>Reads the zip in place: nothing is extracted to disk, and an entry whose name is not one a bundle
 * holds (for example {@code ../evil}) is reported and never read. A damaged or foreign file gives a
 * report with one problem, never an exception.
 */
public final class BundleVerifier {
    private BundleVerifier() {
    }

    /**
     * @param zipFile the bundle
     * @param key the vault public key the auditor holds (not the bundle's own {@code vault.pub})
     */
    public static BundleReport verify(Path zipFile, PublicKey key) {
        Objects.requireNonNull(zipFile, "bundle file");
        Objects.requireNonNull(key, "public key");
        String file = zipFile.toString();
        if (!Files.isRegularFile(zipFile)) {
            return failed(file + ": no such file");
        }
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            return new BundleCheck(zip, key).run();
        } catch (ZipException e) {
            return failed(file + ": not a readable zip archive (" + e.getMessage()
                    + "): the file is truncated, corrupt or not a Vouch bundle");
        } catch (NoSuchFileException e) {
            return failed(file + ": no such file");
        } catch (IOException e) {
            return failed(file + ": cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            return failed(file + ": cannot be verified: " + e);
        }
    }

    private static BundleReport failed(String problem) {
        return new BundleReport(0, 0, 0, List.of(problem));
    }
}
