package dev.vouch.vault.blob;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Crash-safe file writes: temp file, fsync, atomic rename, fsync of the directory. */
final class AtomicFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private AtomicFiles() {
    }

    /** A new empty temp file in {@code dir} (mode 0600 on POSIX), named so it is never a blob. */
    static Path newTemp(Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.createTempFile(dir, ".tmp-", ".part");
    }

    /** Writes {@code bytes} to a temp file beside {@code target} and moves it into place. */
    static void write(Path target, byte[] bytes) throws IOException {
        Path temp = newTemp(target.getParent());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Atomically renames a fsynced temp file onto {@code target} and fsyncs the directory. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
    }

    static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a rename durable. Directories cannot be opened for fsync on Windows; skipped there. */
    static void fsyncDirectory(Path dir) throws IOException {
        if (!POSIX) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
