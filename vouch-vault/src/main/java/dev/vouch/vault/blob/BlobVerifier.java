package dev.vouch.vault.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks one stored blob and describes every problem in words. */
final class BlobVerifier {
    private final Digest digest;
    private final Path path;
    private final Optional<BlobCipher> cipher;
    private final List<String> problems = new ArrayList<>();

    BlobVerifier(Digest digest, Path path, Optional<BlobCipher> cipher) {
        this.digest = digest;
        this.path = path;
        this.cipher = cipher;
    }

    List<String> problems() {
        if (!Files.isRegularFile(path)) {
            return List.of("blob " + digest + " is missing (expected at " + path + ")");
        }
        try {
            if (FileBlobStore.startsWithMagic(path)) {
                checkEncrypted(Files.readAllBytes(path));
            } else {
                checkPlaintext(hashFile());
            }
        } catch (IOException e) {
            problems.add("blob " + digest + " is unreadable at " + path + ": " + e.getMessage());
        }
        return List.copyOf(problems);
    }

    private void checkEncrypted(byte[] stored) {
        if (Digest.of(stored).equals(digest)) {
            checkPlaintext(digest); // plaintext that happens to start with the magic
            return;
        }
        if (cipher.isEmpty()) {
            problems.add("blob " + digest + " is encrypted and cannot be verified without the vault encryption key");
            return;
        }
        try {
            compare(Digest.of(cipher.get().decrypt(digest, stored)));
        } catch (BlobException e) {
            problems.add(e.getMessage());
        }
    }

    private void checkPlaintext(Digest actual) {
        compare(actual);
        if (cipher.isPresent()) {
            problems.add("blob " + digest + " is stored unencrypted although an encryption key is configured");
        }
    }

    private void compare(Digest actual) {
        if (!actual.equals(digest)) {
            problems.add("blob " + digest + " content hashes to " + actual + " (" + path + ")");
        }
    }

    private Digest hashFile() throws IOException {
        MessageDigest sha = Digest.sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return Digest.of(sha);
    }
}
