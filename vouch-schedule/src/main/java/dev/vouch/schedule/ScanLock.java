package dev.vouch.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The cross-process "one scan at a time" lock of a workspace: an OS file lock
 * ({@link FileChannel#tryLock()}) on {@code .vouch/scan.lock}. The OS drops the lock when the
 * holding process dies, so a crash never leaves a stale lock; the file itself stays and is reused.
 * Anything that scans a workspace (the scheduler, {@code vouch scan}) should hold it for the scan.
 */
public final class ScanLock {

    private final Path file;

    public ScanLock(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The lock at {@code <workspace>/.vouch/scan.lock}. */
    public static ScanLock forWorkspace(Path workspace) {
        return new ScanLock(workspace.resolve(".vouch").resolve("scan.lock"));
    }

    public Path file() {
        return file;
    }

    /**
     * Takes the lock without waiting.
     *
     * @return empty if another process (or another lock object in this JVM) holds it
     */
    public Optional<Held> tryAcquire() {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new Held(channel));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open scan lock " + file, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do; closing releases the lock either way
        }
    }

    /** A held lock; closing releases it. */
    public static final class Held implements AutoCloseable {
        private final FileChannel channel;

        private Held(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            closeQuietly(channel);
        }
    }
}
