package dev.vouch.vault.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded randomized checks of roots and proofs against the recursive reference {@link Rfc6962#rootOf}. */
class ProofPropertyTest {
    private static final int MAX_SMALL = 300;

    static List<byte[]> randomLeaves(long seed, int n) {
        Random random = new Random(seed);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] data = new byte[1 + random.nextInt(40)];
            random.nextBytes(data);
            out.add(Rfc6962.leafHash(data));
        }
        return out;
    }

    static byte[] flipped(byte[] in, Random random) {
        byte[] out = in.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    @Test
    void incrementalRootsAndRootAtMatchTheReferenceForEverySizeUpTo300(@TempDir Path dir) {
        List<byte[]> leaves = randomLeaves(1, MAX_SMALL);
        Random random = new Random(2);
        MemoryTree memory = new MemoryTree();
        try (TreeFiles files = TreeFiles.open(dir)) {
            for (int n = 1; n <= MAX_SMALL; n++) {
                memory.append(leaves.get(n - 1));
                files.append(leaves.get(n - 1));
                if (random.nextInt(10) == 0) {
                    files.flush(false);
                }
                String expected = Rfc6962.hex(Rfc6962.rootOf(leaves.subList(0, n)));
                assertThat(Rfc6962.hex(memory.root())).as("memory root %d", n).isEqualTo(expected);
                assertThat(Rfc6962.hex(files.root())).as("file root %d", n).isEqualTo(expected);
            }
            for (int size = 0; size <= MAX_SMALL; size++) {
                String expected = Rfc6962.hex(Rfc6962.rootOf(leaves.subList(0, size)));
                assertThat(Rfc6962.hex(Rfc6962.rootAt(files, size))).as("rootAt %d", size).isEqualTo(expected);
                assertThat(Rfc6962.hex(Rfc6962.rootAt(memory, size))).as("rootAt %d", size).isEqualTo(expected);
            }
        }
    }

    @Test
    void everyInclusionProofVerifiesAndAnyTamperingFails() {
        List<byte[]> leaves = randomLeaves(3, MAX_SMALL);
        MemoryTree tree = MemoryTree.of(leaves);
        Random random = new Random(4);
        for (int n = 1; n <= MAX_SMALL; n++) {
            byte[] root = Rfc6962.rootOf(leaves.subList(0, n));
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = Rfc6962.inclusionProof(tree, i, n);
                assertThat(Rfc6962.verifyInclusion(leaves.get(i), i, n, proof, root)).as("leaf %d of %d", i, n).isTrue();
                assertInclusionTamperFails(leaves.get(i), i, n, proof, root, random);
            }
        }
    }

    private static void assertInclusionTamperFails(byte[] leaf, long i, long n, List<byte[]> proof, byte[] root,
                                                   Random random) {
        String what = "leaf " + i + " of " + n;
        assertThat(Rfc6962.verifyInclusion(flipped(leaf, random), i, n, proof, root)).as("leaf, " + what).isFalse();
        assertThat(Rfc6962.verifyInclusion(leaf, i, n, proof, flipped(root, random))).as("root, " + what).isFalse();
        for (long other : new long[] {i - 1, i + 1, i ^ 2, i ^ 1}) {
            if (other != i) {
                assertThat(Rfc6962.verifyInclusion(leaf, other, n, proof, root)).as("index %d, %s", other, what).isFalse();
            }
        }
        for (int k = 0; k < proof.size(); k++) {
            List<byte[]> bad = new ArrayList<>(proof);
            bad.set(k, flipped(proof.get(k), random));
            assertThat(Rfc6962.verifyInclusion(leaf, i, n, bad, root)).as("path[%d], %s", k, what).isFalse();
        }
        if (!proof.isEmpty()) {
            assertThat(Rfc6962.verifyInclusion(leaf, i, n, proof.subList(0, proof.size() - 1), root)).isFalse();
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(Rfc6962.verifyInclusion(leaf, i, n, longer, root)).as("trailing hash, " + what).isFalse();
    }

    @Test
    void consistencyProofsForAllPairsUpTo64VerifyAndTamperingFails() {
        List<byte[]> leaves = randomLeaves(5, 64);
        MemoryTree tree = MemoryTree.of(leaves);
        Random random = new Random(6);
        for (int second = 1; second <= 64; second++) {
            for (int first = 1; first <= second; first++) {
                checkConsistency(tree, leaves, first, second, random);
            }
        }
    }

    @Test
    void randomConsistencyAndInclusionInLargeTrees(@TempDir Path dir) {
        Random random = new Random(7);
        for (int size : new int[] {1000, 4097, 70_001}) {
            List<byte[]> leaves = randomLeaves(size, size);
            try (TreeFiles files = TreeFiles.open(dir.resolve("t" + size))) {
                leaves.forEach(files::append);
                assertThat(files.root()).isEqualTo(Rfc6962.rootOf(leaves));
                for (int t = 0; t < 40; t++) {
                    int second = 1 + random.nextInt(size);
                    int first = 1 + random.nextInt(second);
                    checkConsistency(files, leaves, first, second, random);
                    int index = random.nextInt(second);
                    byte[] root = Rfc6962.rootOf(leaves.subList(0, second));
                    List<byte[]> proof = Rfc6962.inclusionProof(files, index, second);
                    assertThat(Rfc6962.verifyInclusion(leaves.get(index), index, second, proof, root)).isTrue();
                    assertInclusionTamperFails(leaves.get(index), index, second, proof, root, random);
                }
            }
        }
    }

    private static void checkConsistency(NodeSource tree, List<byte[]> leaves, long first, long second, Random random) {
        byte[] r1 = Rfc6962.rootOf(leaves.subList(0, (int) first));
        byte[] r2 = Rfc6962.rootOf(leaves.subList(0, (int) second));
        List<byte[]> proof = Rfc6962.consistencyProof(tree, first, second);
        String what = first + " -> " + second;
        assertThat(Rfc6962.verifyConsistency(first, second, r1, r2, proof)).as(what).isTrue();
        if (first == second) {
            assertThat(proof).isEmpty();
            return;
        }
        assertThat(Rfc6962.verifyConsistency(first, second, flipped(r1, random), r2, proof)).as("r1 " + what).isFalse();
        assertThat(Rfc6962.verifyConsistency(first, second, r1, flipped(r2, random), proof)).as("r2 " + what).isFalse();
        assertThat(Rfc6962.verifyConsistency(first, second, r2, r1, proof)).as("swapped " + what).isFalse();
        // Wrong sizes, as in transparency-dev/merkle's verify_test.go. (second +- 1 is no probe: the
        // RFC 9162 verifier binds the second size only through the proof's shape, and the signed
        // checkpoint binds size and root together.)
        for (long[] sizes : new long[][] {{first - 1, second}, {first + 1, second}, {first ^ 2, second},
                {first, second * 2}, {first, second / 2}}) {
            if ((sizes[0] != first || sizes[1] != second) && sizes[0] != sizes[1]) {
                assertThat(Rfc6962.verifyConsistency(sizes[0], sizes[1], r1, r2, proof))
                        .as("sizes %d -> %d instead of %s", sizes[0], sizes[1], what).isFalse();
            }
        }
        for (int k = 0; k < proof.size(); k++) {
            List<byte[]> bad = new ArrayList<>(proof);
            bad.set(k, flipped(proof.get(k), random));
            assertThat(Rfc6962.verifyConsistency(first, second, r1, r2, bad)).as("path[%d] %s", k, what).isFalse();
        }
        assertThat(Rfc6962.verifyConsistency(first, second, r1, r2, proof.subList(0, proof.size() - 1)))
                .as("truncated " + what).isFalse();
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(r2);
        assertThat(Rfc6962.verifyConsistency(first, second, r1, r2, longer)).as("trailing " + what).isFalse();
    }

    @Test
    void proofsAndRootAtUseLogarithmicallyManyLookups() {
        int size = 100_003;
        CountingSource tree = new CountingSource(MemoryTree.of(randomLeaves(8, size)));
        Random random = new Random(9);
        int bound = 2 * (64 - Long.numberOfLeadingZeros(size)) + 2;
        for (int t = 0; t < 200; t++) {
            long second = 1 + random.nextInt(size);
            long first = 1 + random.nextInt((int) second);
            tree.lookups = 0;
            Rfc6962.consistencyProof(tree, first, second);
            assertThat(tree.lookups).as("consistency %d -> %d", first, second).isLessThanOrEqualTo(bound);
            tree.lookups = 0;
            Rfc6962.inclusionProof(tree, first - 1, second);
            assertThat(tree.lookups).as("inclusion %d in %d", first - 1, second).isLessThanOrEqualTo(bound);
            tree.lookups = 0;
            Rfc6962.rootAt(tree, second);
            assertThat(tree.lookups).as("rootAt %d", second).isLessThanOrEqualTo(bound);
        }
    }

    private static final class CountingSource implements NodeSource {
        private final NodeSource inner;
        int lookups;

        CountingSource(NodeSource inner) {
            this.inner = inner;
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public byte[] leaf(long index) {
            lookups++;
            return inner.leaf(index);
        }

        @Override
        public byte[] completeSubtree(int level, long index) {
            lookups++;
            return inner.completeSubtree(level, index);
        }
    }
}
