package dev.vouch.vault.merkle;

import java.util.ArrayList;
import java.util.List;

/** An RFC 6962 tree held in memory (bundles, tests): every complete-subtree hash, level by level. */
public final class MemoryTree implements NodeSource {
    private final List<List<byte[]>> levels = new ArrayList<>();
    private final Frontier frontier = new Frontier();

    public MemoryTree() {
    }

    public static MemoryTree of(List<byte[]> leafHashes) {
        MemoryTree tree = new MemoryTree();
        leafHashes.forEach(tree::append);
        return tree;
    }

    public synchronized void append(byte[] leafHash) {
        frontier.append(leafHash, this::store);
    }

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
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index
                    + " in a tree of size " + frontier.size());
        }
        return levels.get(level).get((int) index).clone();
    }

    private void store(int level, byte[] hash) {
        if (level == levels.size()) {
            levels.add(new ArrayList<>());
        }
        levels.get(level).add(hash);
    }
}
