package dev.vouch.vault.merkle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One {@code level-NN.bin} file: 32-byte hashes, left to right, with an in-memory tail of appended
 * hashes not yet written. Reads see the tail. Not thread-safe; {@link TreeFiles} synchronizes.
 */
final class LevelFile implements AutoCloseable {
    private static final int H = Rfc6962.HASH_SIZE;

    private final Path path;
    private final FileChannel channel;
    private final byte[] tail;
    private int tailBytes;
    private long written;

    private LevelFile(Path path, FileChannel channel, long written, int tailCapacity) {
        this.path = path;
        this.channel = channel;
        this.written = written;
        this.tail = new byte[tailCapacity];
    }

    static LevelFile open(Path path, int level) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long length = ch.size();
            if (length % H != 0) {
                ch.close();
                throw new IllegalStateException("tree file " + path + " holds " + length
                        + " bytes, not a whole number of " + H + "-byte hashes");
            }
            int capacity = Math.max(H * 64, (H * 2048) >> Math.min(level, 5));
            return new LevelFile(path, ch, length / H, capacity);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open tree file " + path, e);
        }
    }

    Path path() {
        return path;
    }

    long count() {
        return written + tailBytes / H;
    }

    void add(byte[] hash) {
        if (tailBytes == tail.length) {
            writeTail();
        }
        System.arraycopy(hash, 0, tail, tailBytes, H);
        tailBytes += H;
    }

    byte[] read(long index) {
        if (index < 0 || index >= count()) {
            throw new IllegalArgumentException("tree file " + path + " has no hash #" + index + " (holds " + count() + ")");
        }
        if (index >= written) {
            int off = (int) (index - written) * H;
            byte[] out = new byte[H];
            System.arraycopy(tail, off, out, 0, H);
            return out;
        }
        ByteBuffer buf = ByteBuffer.allocate(H);
        try {
            long pos = index * H;
            while (buf.hasRemaining()) {
                if (channel.read(buf, pos + buf.position()) < 0) {
                    throw new IllegalStateException("tree file " + path + " ended before hash #" + index);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hash #" + index + " of tree file " + path, e);
        }
        return buf.array();
    }

    void writeTail() {
        if (tailBytes == 0) {
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap(tail, 0, tailBytes);
        try {
            long pos = written * H;
            while (buf.hasRemaining()) {
                channel.write(buf, pos + buf.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write tree file " + path, e);
        }
        written += tailBytes / H;
        tailBytes = 0;
    }

    void force() {
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fsync tree file " + path, e);
        }
    }

    void truncate(long newCount) {
        writeTail();
        try {
            channel.truncate(newCount * H);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate tree file " + path + " to " + newCount + " hashes", e);
        }
        written = Math.min(written, newCount);
    }

    @Override
    public void close() {
        try {
            writeTail();
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close tree file " + path, e);
            }
        }
    }
}
