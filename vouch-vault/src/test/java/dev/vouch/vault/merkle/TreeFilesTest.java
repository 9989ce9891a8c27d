package dev.vouch.vault.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeFilesTest {
    @TempDir
    Path dir;

    @Test
    void filesFollowTheDocumentedLayout() throws IOException {
        List<byte[]> leaves = ProofPropertyTest.randomLeaves(11, 13);
        try (TreeFiles tree = TreeFiles.open(dir)) {
            leaves.forEach(tree::append);
            tree.flush(true);
        }
        assertThat(Files.size(dir.resolve("level-00.bin"))).isEqualTo(13 * 32);
        assertThat(Files.size(dir.resolve("level-01.bin"))).isEqualTo(6 * 32);
        assertThat(Files.size(dir.resolve("level-02.bin"))).isEqualTo(3 * 32);
        assertThat(Files.size(dir.resolve("level-03.bin"))).isEqualTo(32);
        byte[] level3 = Files.readAllBytes(dir.resolve("level-03.bin"));
        assertThat(level3).isEqualTo(Rfc6962.rootOf(leaves.subList(0, 8)));
        byte[] level0 = Files.readAllBytes(dir.resolve("level-00.bin"));
        assertThat(java.util.Arrays.copyOfRange(level0, 32 * 12, 32 * 13)).isEqualTo(leaves.get(12));
    }

    @Test
    void reopenAfterFlushGivesTheSameRootAndProofs() {
        List<byte[]> leaves = ProofPropertyTest.randomLeaves(12, 1234);
        byte[] root;
        List<byte[]> proof;
        try (TreeFiles tree = TreeFiles.open(dir)) {
            leaves.forEach(tree::append);
            tree.flush(true);
            root = tree.root();
            proof = Rfc6962.inclusionProof(tree, 777, 1234);
        }
        try (TreeFiles tree = TreeFiles.open(dir)) {
            assertThat(tree.size()).isEqualTo(1234);
            assertThat(tree.root()).isEqualTo(root).isEqualTo(Rfc6962.rootOf(leaves));
            assertThat(Rfc6962.inclusionProof(tree, 777, 1234)).containsExactlyElementsOf(proof);
            tree.append(leaves.get(0));
            assertThat(tree.root()).isEqualTo(Rfc6962.rootOf(concat(leaves, leaves.get(0))));
        }
    }

    @Test
    void readsSeeAppendedButUnflushedHashes() {
        List<byte[]> leaves = ProofPropertyTest.randomLeaves(13, 5000);
        try (TreeFiles tree = TreeFiles.open(dir)) {
            leaves.forEach(tree::append);
            assertThat(tree.leaf(4999)).isEqualTo(leaves.get(4999));
            assertThat(tree.leaf(0)).isEqualTo(leaves.get(0));
            assertThat(Rfc6962.rootAt(tree, 4999)).isEqualTo(Rfc6962.rootOf(leaves.subList(0, 4999)));
        }
    }

    @Test
    void truncateThenAppendReproducesTheTree() {
        List<byte[]> leaves = ProofPropertyTest.randomLeaves(14, 777);
        try (TreeFiles tree = TreeFiles.open(dir)) {
            leaves.forEach(tree::append);
            tree.flush(false);
            for (int cut : new int[] {700, 512, 511, 1, 0}) {
                tree.truncate(cut);
                assertThat(tree.size()).isEqualTo(cut);
                assertThat(tree.root()).as("root after truncate to %d", cut).isEqualTo(Rfc6962.rootOf(leaves.subList(0, cut)));
                leaves.subList(cut, leaves.size()).forEach(tree::append);
                assertThat(tree.root()).as("root after re-append from %d", cut).isEqualTo(Rfc6962.rootOf(leaves));
            }
            tree.truncate(300);
            tree.flush(true);
        }
        try (TreeFiles tree = TreeFiles.open(dir)) {
            assertThat(tree.size()).isEqualTo(300);
            assertThat(tree.root()).isEqualTo(Rfc6962.rootOf(leaves.subList(0, 300)));
        }
        try (TreeFiles tree = TreeFiles.open(dir)) {
            assertThatThrownBy(() -> tree.truncate(301)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("to 301");
        }
    }

    @Test
    void rebuildEqualsIncremental() {
        List<byte[]> leaves = ProofPropertyTest.randomLeaves(15, 333);
        List<byte[]> other = ProofPropertyTest.randomLeaves(16, 1000);
        try (TreeFiles tree = TreeFiles.open(dir.resolve("a")); TreeFiles rebuilt = TreeFiles.open(dir.resolve("b"))) {
            leaves.forEach(tree::append);
            other.forEach(rebuilt::append);
            rebuilt.rebuild(leaves.iterator());
            assertThat(rebuilt.size()).isEqualTo(333);
            assertThat(rebuilt.root()).isEqualTo(tree.root());
            tree.flush(false);
        }
        for (String name : new String[] {"level-00.bin", "level-03.bin", "level-08.bin"}) {
            assertThat(dir.resolve("b").resolve(name)).hasSameBinaryContentAs(dir.resolve("a").resolve(name));
        }
        assertThat(dir.resolve("b").resolve("level-09.bin")).isEmptyFile();
    }

    @Test
    void inconsistentFileLengthsAreDetectedAndNamed() throws IOException {
        try (TreeFiles tree = TreeFiles.open(dir)) {
            ProofPropertyTest.randomLeaves(17, 10).forEach(tree::append);
        }
        Files.write(dir.resolve("level-00.bin"), new byte[64], StandardOpenOption.APPEND);
        assertThatThrownBy(() -> TreeFiles.open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level-01.bin").hasMessageContaining("holds 5 hashes")
                .hasMessageContaining("12 leaves");
        Files.write(dir.resolve("level-00.bin"), new byte[7], StandardOpenOption.APPEND);
        assertThatThrownBy(() -> TreeFiles.open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level-00.bin").hasMessageContaining("whole number");
        try (TreeFiles tree = TreeFiles.recreate(dir)) {
            assertThat(tree.size()).isZero();
            assertThat(tree.root()).isEqualTo(Rfc6962.emptyRoot());
        }
    }

    @Test
    void missingUpperLevelIsDetected() throws IOException {
        try (TreeFiles tree = TreeFiles.open(dir)) {
            ProofPropertyTest.randomLeaves(18, 9).forEach(tree::append);
        }
        Files.delete(dir.resolve("level-02.bin"));
        assertThatThrownBy(() -> TreeFiles.open(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("level-02.bin is missing");
    }

    @Test
    void lookupsOutsideTheTreeAndBadLeavesAreRejected() {
        try (TreeFiles tree = TreeFiles.open(dir)) {
            ProofPropertyTest.randomLeaves(19, 6).forEach(tree::append);
            assertThatThrownBy(() -> tree.completeSubtree(1, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("level 1, index 3");
            assertThatThrownBy(() -> tree.completeSubtree(3, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tree.append(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 bytes");
            assertThat(tree.completeSubtree(2, 0)).isEqualTo(Rfc6962.rootOf(ProofPropertyTest.randomLeaves(19, 4)));
        }
    }

    private static List<byte[]> concat(List<byte[]> list, byte[] extra) {
        List<byte[]> out = new java.util.ArrayList<>(list);
        out.add(extra);
        return out;
    }
}
