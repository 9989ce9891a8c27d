package dev.vouch.vault.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedBlobStoreTest {
    private static final byte[] SECRET = "board minutes: acquisition of Contoso".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static BlobCipher key(int seed) {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return BlobCipher.fromBytes(k);
    }

    @Test
    void encryptsAtRestAndReadsBackThePlaintext() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, key(1));
        Digest d = store.put(SECRET);

        byte[] onDisk = Files.readAllBytes(store.pathOf(d));
        assertThat(d).isEqualTo(Digest.of(SECRET));
        assertThat(new String(onDisk, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("VOUCHENC1");
        assertThat(onDisk).hasSize(9 + 12 + SECRET.length + 16);
        assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("Contoso");
        assertThat(store.read(d)).isEqualTo(SECRET);
        try (InputStream in = store.open(d)) {
            assertThat(in.readAllBytes()).isEqualTo(SECRET);
        }
        assertThat(store.verify(d)).isEmpty();
    }

    @Test
    void streamedPutIsEncryptedToo() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, key(1));
        Digest d = store.put(new ByteArrayInputStream(SECRET));

        assertThat(Files.readAllBytes(store.pathOf(d))).startsWith("VOUCHENC1".getBytes(StandardCharsets.US_ASCII));
        assertThat(store.read(d)).isEqualTo(SECRET);
    }

    @Test
    void wrongKeyIsAClearError() {
        Digest d = new FileBlobStore(dir, key(1)).put(SECRET);
        FileBlobStore other = new FileBlobStore(dir, key(2));

        assertThatThrownBy(() -> other.read(d)).isInstanceOf(BlobException.class)
                .hasMessage("blob " + d + " failed decryption (AES-GCM authentication failed): wrong key,"
                        + " altered ciphertext, or a file moved from another blob's address");
        assertThat(other.verify(d)).singleElement().asString().contains("failed decryption");
    }

    @Test
    void encryptedBlobWithoutAKeyIsAClearError() {
        Digest d = new FileBlobStore(dir, key(1)).put(SECRET);
        FileBlobStore plain = new FileBlobStore(dir);

        assertThatThrownBy(() -> plain.read(d)).isInstanceOf(BlobException.class)
                .hasMessageContaining("is encrypted and no vault encryption key is configured");
        assertThat(plain.verify(d)).containsExactly(
                "blob " + d + " is encrypted and cannot be verified without the vault encryption key");
    }

    @Test
    void tamperedCiphertextIsReportedAsGcmFailure() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, key(1));
        Digest d = store.put(SECRET);
        Path file = store.pathOf(d);
        byte[] bytes = Files.readAllBytes(file);
        bytes[9 + 12 + 3] ^= 0x01;
        Files.write(file, bytes);

        assertThat(store.verify(d)).singleElement().asString()
                .startsWith("blob " + d + " failed decryption (AES-GCM authentication failed)");
        assertThatThrownBy(() -> store.read(d)).hasMessageContaining("failed decryption");
    }

    @Test
    void ciphertextIsBoundToItsAddress() throws IOException {
        FileBlobStore store = new FileBlobStore(dir, key(1));
        Digest a = store.put(SECRET);
        Digest b = store.put("other evidence".getBytes(StandardCharsets.UTF_8));
        Files.copy(store.pathOf(a), store.pathOf(b), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> store.read(b)).isInstanceOf(BlobException.class)
                .hasMessageContaining("blob " + b + " failed decryption");
        assertThat(store.verify(b)).singleElement().asString().contains("failed decryption");
        assertThat(store.verify(a)).isEmpty();
    }

    @Test
    void plaintextBlobUnderAKeyIsReadableButReported() {
        Digest d = new FileBlobStore(dir).put(SECRET);
        FileBlobStore encrypted = new FileBlobStore(dir, key(1));

        assertThat(encrypted.read(d)).isEqualTo(SECRET);
        assertThat(encrypted.verify(d)).containsExactly(
                "blob " + d + " is stored unencrypted although an encryption key is configured");
    }

    @Test
    void encryptingTheSameContentTwiceUsesFreshNonces() {
        BlobCipher cipher = key(1);
        Digest d = Digest.of(SECRET);
        byte[] one = cipher.encrypt(d, SECRET);
        byte[] two = cipher.encrypt(d, SECRET);

        assertThat(Arrays.equals(one, two)).isFalse();
        assertThat(cipher.decrypt(d, one)).isEqualTo(SECRET);
        assertThat(cipher.decrypt(d, two)).isEqualTo(SECRET);
    }
}
