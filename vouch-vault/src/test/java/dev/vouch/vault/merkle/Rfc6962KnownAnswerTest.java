package dev.vouch.vault.merkle;

import static dev.vouch.vault.merkle.Rfc6962.hex;
import static dev.vouch.vault.merkle.Rfc6962.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from the Certificate Transparency reference test data: the eight leaves, the roots
 * of trees of size 1..8, and the inclusion and consistency proofs, as published in
 * transparency-dev/merkle (formerly google/trillian merkle), file proof/verify_test.go
 * ({@code leaves}, {@code roots}, {@code inclusionProofs}, {@code consistencyProofs}; that file's
 * inclusion vectors number leaves from 1, here from 0).
 */
class Rfc6962KnownAnswerTest {
    static final List<String> LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    static List<byte[]> leafHashes() {
        List<byte[]> out = new ArrayList<>();
        LEAVES.forEach(l -> out.add(Rfc6962.leafHash(unhex(l))));
        return out;
    }

    @Test
    void emptyRootIsSha256OfNothing() {
        assertThat(hex(Rfc6962.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(Rfc6962.rootOf(List.of()))).isEqualTo(hex(Rfc6962.emptyRoot()));
        assertThat(hex(new MemoryTree().root())).isEqualTo(hex(Rfc6962.emptyRoot()));
    }

    @Test
    void rootsOfTheReferenceLeavesMatchForEverySize() {
        List<byte[]> leaves = leafHashes();
        MemoryTree tree = new MemoryTree();
        for (int n = 1; n <= 8; n++) {
            tree.append(leaves.get(n - 1));
            assertThat(hex(Rfc6962.rootOf(leaves.subList(0, n)))).as("rootOf size %d", n).isEqualTo(ROOTS.get(n - 1));
            assertThat(hex(tree.root())).as("incremental root size %d", n).isEqualTo(ROOTS.get(n - 1));
            assertThat(hex(Rfc6962.rootAt(tree, n))).as("rootAt size %d", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    static Stream<Arguments> inclusionVectors() {
        return Stream.of(
                Arguments.of(0, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(5, 8, List.of(
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 3, List.of(
                        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
                Arguments.of(1, 5, List.of(
                        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusionProofsMatchAndVerify(int index, int size, List<String> expected) {
        MemoryTree tree = MemoryTree.of(leafHashes());
        List<byte[]> proof = Rfc6962.inclusionProof(tree, index, size);
        assertThat(proof).extracting(Rfc6962::hex).containsExactlyElementsOf(expected);
        byte[] root = unhex(ROOTS.get(size - 1));
        assertThat(Rfc6962.verifyInclusion(tree.leaf(index), index, size, proof, root)).isTrue();
        assertThat(Rfc6962.verifyInclusion(tree.leaf(index), index + 1L, size, proof, root)).isFalse();
    }

    static Stream<Arguments> consistencyVectors() {
        return Stream.of(
                Arguments.of(1, 8, List.of(
                        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
                Arguments.of(6, 8, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
                Arguments.of(2, 5, List.of(
                        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
                Arguments.of(6, 7, List.of(
                        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistencyProofsMatchAndVerify(int first, int second, List<String> expected) {
        MemoryTree tree = MemoryTree.of(leafHashes());
        List<byte[]> proof = Rfc6962.consistencyProof(tree, first, second);
        assertThat(proof).extracting(Rfc6962::hex).containsExactlyElementsOf(expected);
        byte[] r1 = unhex(ROOTS.get(first - 1));
        byte[] r2 = unhex(ROOTS.get(second - 1));
        assertThat(Rfc6962.verifyConsistency(first, second, r1, r2, proof)).isTrue();
        assertThat(Rfc6962.verifyConsistency(first, second, r2, r1, proof)).as("swapped roots").isFalse();
        assertThat(Rfc6962.verifyConsistency(first, second, r1, r2, List.of())).as("empty proof").isFalse();
    }

    @Test
    void trivialConsistencyCases() {
        byte[] r = unhex(ROOTS.get(0));
        byte[] empty = Rfc6962.emptyRoot();
        assertThat(Rfc6962.verifyConsistency(1, 1, r, r, List.of())).isTrue();
        assertThat(Rfc6962.verifyConsistency(1, 1, r, unhex(ROOTS.get(1)), List.of())).isFalse();
        assertThat(Rfc6962.verifyConsistency(1, 1, r, r, List.of(empty))).isFalse();
        assertThat(Rfc6962.verifyConsistency(0, 5, empty, r, List.of())).isTrue();
        assertThat(Rfc6962.verifyConsistency(0, 5, r, r, List.of())).as("size 0 must carry the empty root").isFalse();
        assertThat(Rfc6962.verifyConsistency(0, 5, empty, r, List.of(empty))).isFalse();
        assertThat(Rfc6962.verifyConsistency(2, 1, r, r, List.of())).as("time travel").isFalse();
        assertThat(Rfc6962.consistencyProof(MemoryTree.of(leafHashes()), 0, 8)).isEmpty();
        assertThat(Rfc6962.consistencyProof(MemoryTree.of(leafHashes()), 8, 8)).isEmpty();
    }

    @Test
    void malformedInputsAreRejectedNotThrown() {
        byte[] leaf = leafHashes().get(0);
        assertThat(Rfc6962.verifyInclusion(leaf, 0, 1, List.of(), leaf)).isTrue();
        assertThat(Rfc6962.verifyInclusion(new byte[0], 0, 1, List.of(), new byte[0])).as("wrong hash size").isFalse();
        assertThat(Rfc6962.verifyInclusion(leaf, 0, 0, List.of(), leaf)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leaf, -1, 1, List.of(), leaf)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leaf, 0, 1, List.of(new byte[31]), leaf)).isFalse();
    }

    @Test
    void proofRequestsOutsideTheTreeAreRejected() {
        MemoryTree tree = MemoryTree.of(leafHashes());
        assertThatThrownBy(() -> Rfc6962.inclusionProof(tree, 8, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf 8 in tree size 8");
        assertThatThrownBy(() -> Rfc6962.inclusionProof(tree, 0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc6962.consistencyProof(tree, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rfc6962.rootAt(tree, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexRoundTripsAndNamesBadInput() {
        assertThat(hex(unhex("00ff10"))).isEqualTo("00ff10");
        assertThatThrownBy(() -> unhex("0g")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'0g'");
    }
}
