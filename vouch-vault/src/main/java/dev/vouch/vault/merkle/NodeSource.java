package dev.vouch.vault.merkle;

/**
 * Read access to the nodes of an RFC 6962 tree that are roots of complete subtrees.
 * {@code completeSubtree(k, j)} is the hash of leaves {@code [j * 2^k, (j + 1) * 2^k)}, which must lie
 * within {@link #size()}; {@code completeSubtree(0, j) == leaf(j)}.
 */
public interface NodeSource {
    long size();

    byte[] leaf(long index);

    byte[] completeSubtree(int level, long index);
}
