package dev.vouch.vault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.ObjLongConsumer;

/**
 * {@code statements.jsonl} (one canonical statement per line) and {@code index.bin} (the byte offset
 * of each line, 8 bytes big-endian). Appends are buffered and made durable by {@link #sync()}.
 */
final class LogFiles implements AutoCloseable {
    private final Path statements;
    private final Path index;
    private final FileChannel statementsChannel;
    private final FileChannel indexChannel;
    private long statementsLength;
    private long count;
    private final ByteArrayOutputStream pendingStatements = new ByteArrayOutputStream(1 << 16);
    private final ByteBuffer pendingIndex = ByteBuffer.allocate(8 * 4096);

    private LogFiles(Path statements, Path index) throws IOException {
        this.statements = statements;
        this.index = index;
        this.statementsChannel = FileChannel.open(statements, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.indexChannel = FileChannel.open(index, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        this.statementsLength = statementsChannel.size();
        long indexLength = indexChannel.size();
        if (indexLength % 8 != 0) {
            throw new VaultException(index + ": length " + indexLength + " is not a multiple of 8 (damaged index)");
        }
        this.count = indexLength / 8;
    }

    static LogFiles open(Path dir) {
        try {
            Files.createDirectories(dir);
            return new LogFiles(dir.resolve("statements.jsonl"), dir.resolve("index.bin"));
        } catch (IOException e) {
            throw new VaultException("cannot open the log in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Entries recorded in the index (durable or pending). */
    long count() {
        return count;
    }

    long statementsLength() {
        return statementsLength + pendingStatements.size();
    }

    void append(byte[] canonicalStatement) throws IOException {
        if (pendingIndex.remaining() < 8) {
            flushPending();
        }
        pendingIndex.putLong(statementsLength + pendingStatements.size());
        pendingStatements.write(canonicalStatement);
        pendingStatements.write('\n');
        count++;
        if (pendingStatements.size() > (1 << 20)) {
            flushPending();
        }
    }

    private void flushPending() throws IOException {
        ByteBuffer s = ByteBuffer.wrap(pendingStatements.toByteArray());
        while (s.hasRemaining()) {
            statementsLength += statementsChannel.write(s, statementsLength);
        }
        pendingStatements.reset();
        pendingIndex.flip();
        long at = indexChannel.size();
        while (pendingIndex.hasRemaining()) {
            at += indexChannel.write(pendingIndex, at);
        }
        pendingIndex.clear();
    }

    /** Writes everything pending and forces it to disk: statements first, then the index. */
    void sync() throws IOException {
        flushPending();
        statementsChannel.force(false);
        indexChannel.force(false);
    }

    /** The offset where entry {@code seq} starts. */
    long offset(long seq) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8);
        indexChannel.read(b, seq * 8);
        return b.flip().getLong();
    }

    /** Reads entry {@code seq} (without its newline). */
    byte[] read(long seq) throws IOException {
        flushPending();
        long start = offset(seq);
        long end = seq + 1 < count ? offset(seq + 1) - 1 : statementsLength - 1;
        ByteBuffer b = ByteBuffer.allocate((int) (end - start));
        statementsChannel.read(b, start);
        return b.array();
    }

    /** The byte length of the first {@code entries} lines (where entry {@code entries} would start). */
    long endOf(long entries) throws IOException {
        flushPending();
        if (entries == 0) {
            return 0;
        }
        long start = offset(entries - 1);
        ByteBuffer b = ByteBuffer.allocate(8192);
        long at = start;
        while (true) {
            b.clear();
            int n = statementsChannel.read(b, at);
            if (n <= 0) {
                throw new VaultException(statements + ": entry #" + (entries - 1) + " has no line end (damaged log)");
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
    }

    /** Shrinks both files to the first {@code keep} entries (crash recovery), durably. */
    void truncate(long keep) throws IOException {
        flushPending();
        long cut = endOf(keep);
        statementsChannel.truncate(cut);
        indexChannel.truncate(keep * 8);
        statementsChannel.force(true);
        indexChannel.force(true);
        statementsLength = cut;
        count = keep;
    }

    /** Streams every line of statements.jsonl in order, with its position (independent of the index). */
    static void forEachLine(Path statements, ObjLongConsumer<byte[]> each) throws IOException {
        if (!Files.exists(statements)) {
            return;
        }
        try (InputStream in = Files.newInputStream(statements)) {
            byte[] buf = new byte[1 << 20];
            byte[] carry = new byte[0];
            long seq = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        byte[] line;
                        if (carry.length == 0) {
                            line = java.util.Arrays.copyOfRange(buf, from, i);
                        } else {
                            line = new byte[carry.length + i - from];
                            System.arraycopy(carry, 0, line, 0, carry.length);
                            System.arraycopy(buf, from, line, carry.length, i - from);
                            carry = new byte[0];
                        }
                        each.accept(line, seq++);
                        from = i + 1;
                    }
                }
                if (from < n) {
                    byte[] rest = new byte[carry.length + n - from];
                    System.arraycopy(carry, 0, rest, 0, carry.length);
                    System.arraycopy(buf, from, rest, carry.length, n - from);
                    carry = rest;
                }
            }
            if (carry.length > 0) {
                each.accept(carry, -1 - seq); // a trailing partial line: negative marks it
            }
        }
    }

    Path statementsPath() {
        return statements;
    }

    Path indexPath() {
        return index;
    }

    @Override
    public void close() throws IOException {
        flushPending();
        statementsChannel.close();
        indexChannel.close();
    }
}
