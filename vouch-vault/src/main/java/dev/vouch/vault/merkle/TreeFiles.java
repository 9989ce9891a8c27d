package dev.vouch.vault.merkle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The on-disk RFC 6962 tree of a vault ({@code log/tree/} in docs/vault.md): {@code level-00.bin}
 * holds the leaf hashes, {@code level-NN.bin} the hashes of the complete subtrees of 2^NN leaves,
 * left to right, 32 bytes each; level k therefore holds exactly {@code size >> k} hashes.
 *
 * <p>Appends hash each complete subtree once as it forms (binary counter) and are buffered; reads
 * see buffered data. The tree is derived data: {@link #open} rejects files whose lengths disagree,
 * and the owner then rebuilds it ({@link #recreate} + {@link #rebuild}). One writer; methods are
 * synchronized so that proofs may be read from other threads.
 */
public final class TreeFiles implements NodeSource, AutoCloseable {
    private static final Pattern LEVEL_FILE = Pattern.compile("level-(\\d{2})\\.bin");

    private final Path dir;
    private final List<LevelFile> levels = new ArrayList<>();
    private final Frontier frontier = new Frontier();
    private boolean createdFiles;
    private boolean closed;

    private TreeFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens (creating the directory if needed) the tree in {@code dir}.
     *
     * @throws IllegalStateException naming the file, when a file is torn or its length disagrees with
     *     the number of leaves in {@code level-00.bin}
     */
    public static TreeFiles open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create tree directory " + dir, e);
        }
        TreeFiles tree = new TreeFiles(dir);
        try {
            tree.load(existingLevelFiles(dir));
        } catch (RuntimeException e) {
            tree.closeQuietly(e);
            throw e;
        }
        return tree;
    }

    /** Deletes every {@code level-NN.bin} in {@code dir} and opens the resulting empty tree. */
    public static TreeFiles recreate(Path dir) {
        if (Files.isDirectory(dir)) {
            for (Path file : existingLevelFiles(dir).values()) {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete tree file " + file, e);
                }
            }
        }
        return open(dir);
    }

    public synchronized void append(byte[] leafHash) {
        ensureOpen();
        frontier.append(leafHash, this::store);
    }

    /** The current root, from the in-memory right frontier (no disk reads). */
    public synchronized byte[] root() {
        return frontier.root();
    }

    @Override
    public synchronized long size() {
        return frontier.size();
    }

    @Override
    public byte[] leaf(long index) {
        return completeSubtree(0, index);
    }

    @Override
    public synchronized byte[] completeSubtree(int level, long index) {
        ensureOpen();
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).count()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index
                    + " in the tree of size " + frontier.size() + " in " + dir);
        }
        return levels.get(level).read(index);
    }

    /** Writes buffered hashes; with {@code fsync}, forces every level file (and the directory) to disk. */
    public synchronized void flush(boolean fsync) {
        ensureOpen();
        for (LevelFile level : levels) {
            level.writeTail();
        }
        if (fsync) {
            for (LevelFile level : levels) {
                level.force();
            }
            if (createdFiles) {
                forceDirectory();
                createdFiles = false;
            }
        }
    }

    /** Shrinks the tree to its first {@code size} leaves, cutting every level consistently. */
    public synchronized void truncate(long size) {
        ensureOpen();
        if (size < 0 || size > frontier.size()) {
            throw new IllegalArgumentException("cannot truncate the tree in " + dir + " of size "
                    + frontier.size() + " to " + size);
        }
        for (int k = 0; k < levels.size(); k++) {
            levels.get(k).truncate(size >>> k);
        }
        frontier.reset(size, this::readLast);
    }

    /** Drops every level and rebuilds the tree from the given leaf hashes; flushes without fsync. */
    public synchronized void rebuild(Iterator<byte[]> leafHashes) {
        truncate(0);
        while (leafHashes.hasNext()) {
            append(leafHashes.next());
        }
        flush(false);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (LevelFile level : levels) {
            try {
                level.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void load(TreeMap<Integer, Path> files) {
        long leaves = 0;
        if (files.containsKey(0)) {
            levels.add(LevelFile.open(files.get(0), 0));
            leaves = levels.get(0).count();
        }
        int top = files.isEmpty() ? -1 : files.lastKey();
        if (top >= Frontier.MAX_LEVELS - 1) {
            throw new IllegalStateException("tree file " + files.get(top) + " is beyond the deepest possible level");
        }
        for (int k = 1; k <= top; k++) {
            long expected = leaves >>> k;
            Path file = files.get(k);
            if (file == null) {
                if (expected > 0) {
                    throw new IllegalStateException("tree file " + levelPath(k) + " is missing, but "
                            + levelPath(0) + " holds " + leaves + " leaves, implying " + expected + " hashes");
                }
                continue;
            }
            LevelFile level = openLevel(k);
            if (level.count() != expected) {
                throw new IllegalStateException("tree file " + file + " holds " + level.count() + " hashes, but "
                        + levelPath(0) + " holds " + leaves + " leaves, implying " + expected);
            }
        }
        frontier.reset(leaves, this::readLast);
    }

    private byte[] readLast(int level, long index) {
        return levels.get(level).read(index);
    }

    private void store(int level, byte[] hash) {
        openLevel(level).add(hash);
    }

    private LevelFile openLevel(int level) {
        while (levels.size() <= level) {
            int k = levels.size();
            Path path = levelPath(k);
            createdFiles |= !Files.exists(path);
            levels.add(LevelFile.open(path, k));
        }
        return levels.get(level);
    }

    private Path levelPath(int level) {
        return dir.resolve(String.format(Locale.ROOT, "level-%02d.bin", level));
    }

    private static TreeMap<Integer, Path> existingLevelFiles(Path dir) {
        TreeMap<Integer, Path> files = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "level-*.bin")) {
            for (Path p : stream) {
                Matcher m = LEVEL_FILE.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p)) {
                    files.put(Integer.parseInt(m.group(1)), p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list tree directory " + dir, e);
        }
        return files;
    }

    private void forceDirectory() {
        // Best effort: directories cannot be opened for fsync on every platform (e.g. Windows). The
        // tree is derived data validated on open and rebuilt from statements.jsonl, so a lost
        // directory entry is detected and repaired, never silently trusted.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // see above
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("tree in " + dir + " is closed");
        }
    }

    private void closeQuietly(RuntimeException cause) {
        try {
            close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
