package dev.vouch.vault.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBlobStoreTest {
    private static final String HELLO_HEX = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path dir;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putStoresUnderShardedPathAndReadsBack() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        Digest d = store.put(utf8("hello"));

        assertThat(d.hex()).isEqualTo(HELLO_HEX);
        Path expected = dir.resolve("sha256/2c/f2/" + HELLO_HEX);
        assertThat(expected).isRegularFile().hasBinaryContent(utf8("hello"));
        assertThat(store.contains(d)).isTrue();
        assertThat(store.read(d)).isEqualTo(utf8("hello"));
        try (InputStream in = store.open(d)) {
            assertThat(in.readAllBytes()).isEqualTo(utf8("hello"));
        }
        assertThat(store.verify(d)).isEmpty();
    }

    @Test
    void samecontentIsStoredOnceAndNotRewritten() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        Digest first = store.put(utf8("evidence"));
        Path file = store.pathOf(first);
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(file, old);

        Digest second = store.put(utf8("evidence"));
        Digest third = store.put(new ByteArrayInputStream(utf8("evidence")));

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
        assertThat(store.list()).containsExactly(first);
    }

    @Test
    void listsEveryBlobInHexOrderAndIgnoresStrayFiles() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        Digest a = store.put(utf8("a"));
        Digest b = store.put(utf8("b"));
        Digest c = store.put(utf8("c"));
        Files.writeString(dir.resolve("sha256/notes.txt"), "not a blob");
        Files.writeString(store.pathOf(a).resolveSibling("README"), "not a blob");

        List<Digest> expected = Stream.of(a, b, c).sorted((x, y) -> x.hex().compareTo(y.hex())).toList();
        assertThat(store.list()).containsExactlyElementsOf(expected);
        assertThat(new FileBlobStore(dir.resolve("empty")).list()).isEmpty();
    }

    @Test
    void successfulWritesLeaveNoTempFiles() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        store.put(utf8("one"));
        store.put(new ByteArrayInputStream(utf8("two")));
        store.put(new ByteArrayInputStream(utf8("two")));

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .hasSize(2).allMatch(name -> name.matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void failedStreamLeavesNeitherBlobNorTempFile() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        InputStream broken = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 100) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> store.put(broken)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot write blob from stream under " + dir);
        assertThat(store.list()).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void streamsLargeInputToTheSameDigestAsBytes() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(big);
        FileBlobStore store = new FileBlobStore(dir);

        Digest d = store.put(new ByteArrayInputStream(big));

        assertThat(d).isEqualTo(Digest.of(big));
        assertThat(store.pathOf(d)).hasBinaryContent(big);
        try (InputStream in = store.open(d)) {
            assertThat(in.readAllBytes()).isEqualTo(big);
        }
    }

    @Test
    void flippedByteIsReportedWithBothDigests() throws IOException {
        FileBlobStore store = new FileBlobStore(dir);
        Digest d = store.put(utf8("hello"));
        Files.write(store.pathOf(d), utf8("hellp"));
        Digest actual = Digest.of(utf8("hellp"));

        assertThat(store.verify(d)).containsExactly(
                "blob sha256:" + HELLO_HEX + " content hashes to " + actual + " (" + store.pathOf(d) + ")");
        assertThatThrownBy(() -> store.read(d)).isInstanceOf(BlobException.class)
                .hasMessageContaining("blob sha256:" + HELLO_HEX + " content hashes to " + actual);
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(d)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("content hashes to " + actual);
    }

    @Test
    void missingBlobIsNamed() {
        FileBlobStore store = new FileBlobStore(dir);
        Digest d = new Digest(HELLO_HEX);

        assertThat(store.contains(d)).isFalse();
        assertThat(store.verify(d)).singleElement().asString()
                .startsWith("blob sha256:" + HELLO_HEX + " is missing (expected at ")
                .contains("2c" + java.io.File.separator + "f2");
        assertThatThrownBy(() -> store.read(d)).isInstanceOf(BlobException.class)
                .hasMessageContaining("is missing");
        assertThatThrownBy(() -> store.open(d)).isInstanceOf(BlobException.class)
                .hasMessageContaining("is missing");
    }

    @Test
    void rootThatIsAFileIsRejectedNamingThePath() throws IOException {
        Path file = Files.writeString(dir.resolve("blobs"), "x");

        assertThatThrownBy(() -> new FileBlobStore(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not a directory");
    }

    @Test
    void plaintextThatStartsWithTheMagicIsStillPlaintext() {
        byte[] tricky = utf8("VOUCHENC1 is how encrypted blobs start; this one is not encrypted");
        FileBlobStore store = new FileBlobStore(dir);
        Digest d = store.put(tricky);

        assertThat(store.read(d)).isEqualTo(tricky);
        assertThat(store.verify(d)).isEmpty();
    }
}
