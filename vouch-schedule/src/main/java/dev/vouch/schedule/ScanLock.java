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

    /**
     * Lock files this JVM holds. Checked before any channel is opened: on Linux, closing any channel to a file
     * releases every lock the process holds on it, so a refused second attempt must not even open one.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
        if (!HELD.add(file)) {
            return Optional.empty(); // held elsewhere in this JVM
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD.remove(file);
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return Optional.of(new Held(channel, file));
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            HELD.remove(file);
            return Optional.empty();
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(file);
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
        private final Path file;
        private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

        private Held(FileChannel channel, Path file) {
            this.channel = channel;
            this.file = file;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                closeQuietly(channel);
                HELD.remove(file);
            }
        }
    }
}
