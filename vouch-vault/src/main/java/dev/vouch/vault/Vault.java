package dev.vouch.vault;

import dev.vouch.vault.blob.BlobStore;
import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.merkle.Rfc6962;
import dev.vouch.vault.merkle.TreeFiles;
import dev.vouch.vault.sign.Checkpoint;
import dev.vouch.vault.sign.SignedCheckpoint;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The evidence vault's writer: appends statements and blobs in batches, each batch ending in a signed
 * checkpoint (docs/vault.md). One writer at a time across processes (a file lock held per batch);
 * within a process, appends are serialized. An append is acknowledged once its checkpoint is on disk;
 * a batch interrupted before that is rolled back by the next writer, so the log always equals a signed
 * checkpoint.
 */
public final class Vault {
    private final VaultPaths paths;
    private final String origin;
    private final VaultKeys keys;
    private final BlobStore blobs;
    private final Clock clock;
    private final String source;

    /**
     * @param dir the vault folder (created if missing)
     * @param origin the checkpoint origin line, e.g. {@code vouch/acme-analytics}
     * @param keys the signing keys
     * @param blobs where evidence content goes
     * @param source what writes, recorded in each statement (e.g. {@code vouch-cli 0.1.0})
     */
    public Vault(Path dir, String origin, VaultKeys keys, BlobStore blobs, Clock clock, String source) {
        this.paths = new VaultPaths(dir);
        this.origin = Objects.requireNonNull(origin, "origin");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.source = Objects.requireNonNull(source, "source");
        if (origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("origin must be one non-empty line, was '" + origin + "'");
        }
    }

    public VaultPaths paths() {
        return paths;
    }

    /** What an append acknowledged: the sequence numbers given and the checkpoint that covers them. */
    public record Appended(List<Long> seqs, long treeSize, String checkpoint) {
    }

    private static final java.util.concurrent.ConcurrentHashMap<Path, java.util.concurrent.locks.ReentrantLock> IN_PROCESS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Appends a batch and signs a checkpoint covering it. Blocks while another process (or thread) appends. */
    public synchronized Appended append(List<Evidence> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        try {
            Files.createDirectories(paths.checkpoints());
            // the file lock orders processes; within this process, another Vault object on the same folder must wait its
            // turn here (a second lock on the file from the same JVM would throw OverlappingFileLockException)
            java.util.concurrent.locks.ReentrantLock local = IN_PROCESS.computeIfAbsent(paths.lock().toAbsolutePath().normalize(),
                    k -> new java.util.concurrent.locks.ReentrantLock());
            local.lock();
            try (FileChannel lockFile = FileChannel.open(paths.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                return appendLocked(batch);
            } finally {
                local.unlock();
            }
        } catch (IOException e) {
            throw new VaultException("cannot append to the vault in " + paths.dir() + ": " + e.getMessage(), e);
        }
    }

    private Appended appendLocked(List<Evidence> batch) throws IOException {
        long acknowledged = newestCheckpointSize();
        try (LogFiles log = LogFiles.open(paths.log()); TreeFiles tree = openTree(acknowledged)) {
            recover(log, tree, acknowledged);
            List<Long> seqs = new ArrayList<>(batch.size());
            Instant now = clock.instant();
            for (Evidence e : batch) {
                long seq = log.count();
                Digest digest = e.content() == null ? null : blobs.put(e.content());
                long size = e.content() == null ? 0 : e.content().length;
                byte[] statement = Statements.canonical(seq, e, digest, size, source, now);
                log.append(statement);
                tree.append(Rfc6962.leafHash(statement));
                seqs.add(seq);
            }
            log.sync();
            tree.flush(true);
            String note = SignedCheckpoint.sign(new Checkpoint(origin, log.count(), tree.root(), now), keys);
            writeAtomically(paths.checkpoint(log.count()), note);
            return new Appended(List.copyOf(seqs), log.count(), note);
        }
    }

    /**
     * Brings the log back to the newest signed checkpoint: entries past it belong to a batch that was
     * interrupted before it was acknowledged. Fewer entries than the checkpoint is damage, not a crash:
     * appending stops and {@code vouch vault verify} names it.
     */
    private void recover(LogFiles log, TreeFiles tree, long acknowledged) throws IOException {
        if (log.count() < acknowledged) {
            throw new VaultException(paths.log() + ": the log has " + log.count() + " entries but checkpoint "
                    + acknowledged + " was signed: entries are missing; run 'vouch vault verify' (nothing was appended)");
        }
        if (log.count() > acknowledged || log.statementsLength() != log.endOf(acknowledged)) {
            log.truncate(acknowledged);
        }
        if (tree.size() != acknowledged) {
            if (tree.size() > acknowledged) {
                tree.truncate(acknowledged);
            } else {
                rebuildTree(tree, acknowledged);
            }
        }
    }

    /** The tree files are derived data: torn by a crash, they are recreated and rebuilt from the log. */
    private TreeFiles openTree(long acknowledged) throws IOException {
        try {
            return TreeFiles.open(paths.tree());
        } catch (IllegalStateException damaged) {
            TreeFiles tree = TreeFiles.recreate(paths.tree());
            rebuildTree(tree, acknowledged);
            return tree;
        }
    }

    private void rebuildTree(TreeFiles tree, long entries) throws IOException {
        List<byte[]> leaves = new ArrayList<>();
        LogFiles.forEachLine(paths.log().resolve("statements.jsonl"), (line, seq) -> {
            if (seq >= 0 && seq < entries) {
                leaves.add(Rfc6962.leafHash(line));
            }
        });
        tree.rebuild(leaves.iterator());
        tree.flush(true);
    }

    /** The size of the newest signed checkpoint on disk (0 when none). */
    public long newestCheckpointSize() throws IOException {
        return checkpointSizes().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The newest checkpoint's text, if any. */
    public Optional<String> newestCheckpoint() {
        try {
            long n = newestCheckpointSize();
            return n == 0 ? Optional.empty() : Optional.of(Files.readString(paths.checkpoint(n), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VaultException("cannot read checkpoints in " + paths.checkpoints() + ": " + e.getMessage(), e);
        }
    }

    List<Long> checkpointSizes() throws IOException {
        if (!Files.isDirectory(paths.checkpoints())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(paths.checkpoints())) {
            return s.map(VaultPaths::sizeOf).filter(n -> n >= 0).sorted().toList();
        }
    }

    /** Calls {@code each} with every acknowledged statement, in order (seq, canonical bytes). */
    public void forEachStatement(java.util.function.ObjLongConsumer<byte[]> each) {
        try {
            long acknowledged = newestCheckpointSize();
            LogFiles.forEachLine(paths.log().resolve("statements.jsonl"), (line, seq) -> {
                if (seq >= 0 && seq < acknowledged) {
                    each.accept(line, seq);
                }
            });
        } catch (IOException e) {
            throw new VaultException("cannot read the log in " + paths.log() + ": " + e.getMessage(), e);
        }
    }

    /** The statement at {@code seq}, byte-exact. */
    public byte[] statement(long seq) {
        try (LogFiles log = LogFiles.open(paths.log())) {
            if (seq < 0 || seq >= log.count()) {
                throw new IllegalArgumentException("no entry #" + seq + " (the log has " + log.count() + ")");
            }
            return log.read(seq);
        } catch (IOException e) {
            throw new VaultException("cannot read entry #" + seq + ": " + e.getMessage(), e);
        }
    }

    /** The RFC 9162 inclusion proof of entry {@code seq} in the tree of size {@code treeSize}. */
    public List<byte[]> inclusionProof(long seq, long treeSize) {
        try (TreeFiles tree = TreeFiles.open(paths.tree())) {
            return Rfc6962.inclusionProof(tree, seq, treeSize);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new VaultException("cannot read the tree in " + paths.tree() + ": " + e.getMessage(), e);
        }
    }

    /** The RFC 9162 consistency proof between two tree sizes. */
    public List<byte[]> consistencyProof(long first, long second) {
        try (TreeFiles tree = TreeFiles.open(paths.tree())) {
            return Rfc6962.consistencyProof(tree, first, second);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new VaultException("cannot read the tree in " + paths.tree() + ": " + e.getMessage(), e);
        }
    }

    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            c.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            c.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some filesystems cannot fsync a directory; the rename itself is atomic
        }
    }
}
