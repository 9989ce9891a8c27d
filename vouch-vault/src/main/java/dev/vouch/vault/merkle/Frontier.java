package dev.vouch.vault.merkle;

import java.security.MessageDigest;

/**
 * The right frontier of an append-only RFC 6962 tree: for each set bit k of the size, the hash of
 * the last complete subtree at level k. Appending is a binary-counter carry: each complete subtree
 * that forms is hashed once and handed to the {@link Sink}; the root is folded from the frontier.
 * Not thread-safe; owners synchronize.
 */
final class Frontier {
    static final int MAX_LEVELS = 64;

    /** Receives every complete-subtree hash as it forms, level by level, left to right. */
    interface Sink {
        void add(int level, byte[] hash);
    }

    /** Loads the last stored hash of a level (index = count - 1) when the frontier is reset. */
    interface Loader {
        byte[] last(int level, long index);
    }

    private final byte[][] last = new byte[MAX_LEVELS][];
    private final MessageDigest digest = Rfc6962.newDigest();
    private long size;

    long size() {
        return size;
    }

    void append(byte[] leafHash, Sink sink) {
        if (leafHash.length != Rfc6962.HASH_SIZE) {
            throw new IllegalArgumentException("leaf hash must be " + Rfc6962.HASH_SIZE + " bytes, was " + leafHash.length);
        }
        long j = size;
        byte[] h = leafHash.clone();
        int level = 0;
        while (true) {
            byte[] left = last[level];
            sink.add(level, h);
            last[level] = h;
            if ((j & 1) == 0) {
                break;
            }
            h = node(left, h);
            j >>>= 1;
            level++;
        }
        size++;
    }

    byte[] root() {
        if (size == 0) {
            return Rfc6962.emptyRoot();
        }
        int level = Long.numberOfTrailingZeros(size);
        byte[] acc = last[level];
        for (level++; level < MAX_LEVELS; level++) {
            if ((size >>> level & 1) == 1) {
                acc = node(last[level], acc);
            }
        }
        return acc.clone();
    }

    /** Resets to {@code newSize}, reloading the last hash of every level that has one. */
    void reset(long newSize, Loader loader) {
        size = newSize;
        for (int level = 0; level < MAX_LEVELS; level++) {
            long count = newSize >>> level;
            last[level] = count == 0 ? null : loader.last(level, count - 1);
        }
    }

    private byte[] node(byte[] left, byte[] right) {
        digest.update((byte) 0x01);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }
}
