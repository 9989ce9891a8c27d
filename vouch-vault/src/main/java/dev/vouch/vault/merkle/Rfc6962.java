package dev.vouch.vault.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proof generation and proof verification (SHA-256).
 *
 * <p>Leaf hash {@code SHA-256(0x00 || data)}, interior node {@code SHA-256(0x01 || left || right)},
 * the tree over n leaves splits at the largest power of two smaller than n, the empty tree's root is
 * {@code SHA-256("")}. Proof generation reads only O(log n) nodes from a {@link NodeSource}; the
 * verifiers are the algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, step for step.
 */
public final class Rfc6962 {
    /** Length of every hash in the tree. */
    public static final int HASH_SIZE = 32;

    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Rfc6962::newDigest);

    private Rfc6962() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest md = DIGEST.get();
        md.update((byte) 0x00);
        md.update(data);
        return md.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = DIGEST.get();
        md.update((byte) 0x01);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    public static byte[] emptyRoot() {
        return DIGEST.get().digest();
    }

    /** Reference implementation: MTH(D[n]) by the RFC's recursive definition, over leaf hashes. */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return emptyRoot();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0).clone();
        }
        int k = (int) largestPowerOfTwoBelow(leafHashes.size());
        return nodeHash(rootOf(leafHashes.subList(0, k)), rootOf(leafHashes.subList(k, leafHashes.size())));
    }

    /** Root of the first {@code size} leaves of {@code tree}, in O(log size) node lookups. */
    public static byte[] rootAt(NodeSource tree, long size) {
        if (size < 0 || size > tree.size()) {
            throw new IllegalArgumentException("tree size " + size + " outside 0.." + tree.size());
        }
        return size == 0 ? emptyRoot() : rangeHash(tree, 0, size);
    }

    /** RFC 6962 §2.1.1 PATH(index, D[treeSize]): the audit path, leaf's sibling first. */
    public static List<byte[]> inclusionProof(NodeSource tree, long index, long treeSize) {
        if (treeSize < 1 || treeSize > tree.size() || index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("inclusion proof of leaf " + index + " in tree size " + treeSize
                    + " impossible: need 0 <= index < treeSize <= " + tree.size());
        }
        List<byte[]> rootFirst = new ArrayList<>();
        long start = 0;
        long n = treeSize;
        long m = index;
        while (n > 1) {
            long k = largestPowerOfTwoBelow(n);
            if (m < k) {
                rootFirst.add(rangeHash(tree, start + k, start + n));
                n = k;
            } else {
                rootFirst.add(completeHash(tree, start, k));
                start += k;
                m -= k;
                n -= k;
            }
        }
        Collections.reverse(rootFirst);
        return rootFirst;
    }

    /**
     * RFC 6962 §2.1.2 PROOF(first, D[second]). Empty when {@code first == 0} or {@code first == second}
     * (nothing to prove; see {@link #verifyConsistency}).
     */
    public static List<byte[]> consistencyProof(NodeSource tree, long first, long second) {
        if (first < 0 || first > second || second > tree.size()) {
            throw new IllegalArgumentException("consistency proof from size " + first + " to " + second
                    + " impossible: need 0 <= first <= second <= " + tree.size());
        }
        List<byte[]> rootFirst = new ArrayList<>();
        if (first == 0 || first == second) {
            return rootFirst;
        }
        long start = 0;
        long n = second;
        long m = first;
        boolean original = true;
        while (m != n) {
            long k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                rootFirst.add(rangeHash(tree, start + k, start + n));
                n = k;
            } else {
                rootFirst.add(completeHash(tree, start, k));
                start += k;
                m -= k;
                n -= k;
                original = false;
            }
        }
        if (!original) {
            rootFirst.add(rangeHash(tree, start, start + m));
        }
        Collections.reverse(rootFirst);
        return rootFirst;
    }

    /** RFC 9162 §2.1.3.2, verbatim. False (never an exception) on any malformed input. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> path, byte[] root) {
        if (!isHash(leafHash) || !isHash(root) || index < 0 || !allHashes(path)) {
            return false;
        }
        if (index >= treeSize) {                       // 1.
            return false;
        }
        long fn = index;                               // 2.
        long sn = treeSize - 1;
        byte[] r = leafHash;                           // 3.
        for (byte[] p : path) {                        // 4.
            if (sn == 0) {                             // 4.a
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {           // 4.b
                r = nodeHash(p, r);                    // 4.b.i
                while ((fn & 1) == 0 && fn != 0) {     // 4.b.ii
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);                    // 4.b (otherwise) i.
            }
            fn >>= 1;                                  // 4.c
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root); // 5.
    }

    /**
     * RFC 9162 §2.1.4.2, verbatim, for {@code 0 < first < second}. The RFC leaves the trivial cases
     * out; here {@code first == second} holds iff the path is empty and the roots are equal, and
     * {@code first == 0} holds iff the path is empty and {@code firstRoot} is the empty tree's root.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> path) {
        if (!isHash(firstRoot) || !isHash(secondRoot) || first < 0 || first > second || !allHashes(path)) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        return verifyNonTrivialConsistency(first, second, firstRoot, secondRoot, path);
    }

    private static boolean verifyNonTrivialConsistency(long first, long second, byte[] firstHash,
                                                       byte[] secondHash, List<byte[]> consistencyPath) {
        if (consistencyPath.isEmpty()) {                       // 1.
            return false;
        }
        List<byte[]> path = new ArrayList<>(consistencyPath.size() + 1);
        if (Long.bitCount(first) == 1) {                       // 2.
            path.add(firstHash);
        }
        path.addAll(consistencyPath);
        long fn = first - 1;                                   // 3.
        long sn = second - 1;
        while ((fn & 1) == 1) {                                // 4.
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);                               // 5.
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {        // 6.
            if (sn == 0) {                                     // 6.a
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {                   // 6.b
                fr = nodeHash(c, fr);                          // 6.b.i
                sr = nodeHash(c, sr);                          // 6.b.ii
                while ((fn & 1) == 0 && fn != 0) {             // 6.b.iii
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);                          // 6.b (otherwise) i.
            }
            fn >>= 1;                                          // 6.c
            sn >>= 1;
        }
        return MessageDigest.isEqual(fr, firstHash)            // 7.
                && MessageDigest.isEqual(sr, secondHash) && sn == 0;
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex string: '" + abbreviate(hex) + "': " + e.getMessage(), e);
        }
    }

    /** Largest power of two strictly smaller than {@code n}, for {@code n >= 2}. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * MTH of leaves [start, end) where the range is a node of the RFC tree (start aligned to the
     * largest power of two not above its length): fold its complete subtrees, largest first, from
     * the right. At most log2(end - start) + 1 lookups.
     */
    static byte[] rangeHash(NodeSource tree, long start, long end) {
        byte[] acc = null;
        long remaining = end - start;
        long pos = end;
        while (remaining > 0) {
            long piece = Long.lowestOneBit(remaining);
            pos -= piece;
            byte[] h = completeHash(tree, pos, piece);
            acc = acc == null ? h : nodeHash(h, acc);
            remaining -= piece;
        }
        return acc;
    }

    private static byte[] completeHash(NodeSource tree, long start, long width) {
        int level = Long.numberOfTrailingZeros(width);
        if ((start & (width - 1)) != 0) {
            throw new IllegalStateException("unaligned subtree [" + start + ", " + (start + width) + ")");
        }
        return tree.completeSubtree(level, start >>> level);
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> path) {
        if (path == null) {
            return false;
        }
        for (byte[] p : path) {
            if (!isHash(p)) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable in this JVM", e);
        }
    }
}
