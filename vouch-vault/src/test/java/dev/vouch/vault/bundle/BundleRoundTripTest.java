package dev.vouch.vault.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.vault.VaultException;
import dev.vouch.vault.blob.BlobCipher;
import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.blob.FileBlobStore;
import dev.vouch.vault.sign.VaultKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void exportedBundleVerifiesWithBothVerifiers() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Path zip = tmp.resolve("bundle.zip");

        Summary s = f.export(BundleFixture.all(), zip);

        assertThat(s).isEqualTo(new Summary(7, 5, 7, zip.toAbsolutePath()));
        BundleReport report = BundleVerifier.verify(zip, f.keys.publicKey());
        assertThat(report.problems()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report).isEqualTo(new BundleReport(7, 5, 7, List.of()));
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, zip, f.pubFile);
        assertThat(run.output()).containsExactly("OK: 7 statements, 5 blobs verified against checkpoint 7 (key "
                + VaultKeys.fingerprint(f.keys.publicKey()) + ")");
        assertThat(run.exit()).isZero();
    }

    @Test
    void bundleHoldsTheStatementsByteIdenticalWithProofsBlobsAndDocuments() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Path zip = tmp.resolve("bundle.zip");
        f.export(BundleFixture.all(), zip);

        Map<String, byte[]> entries = BundleFixture.entries(zip);
        StringBuilder expected = new StringBuilder();
        for (long seq = 0; seq < 7; seq++) {
            expected.append(new String(f.vault.statement(seq), StandardCharsets.UTF_8)).append('\n');
        }
        assertThat(new String(entries.get("statements.jsonl"), StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(new String(entries.get("checkpoint.txt"), StandardCharsets.UTF_8)).isEqualTo(f.vault.newestCheckpoint().orElseThrow());
        assertThat(new String(entries.get("vault.pub"), StandardCharsets.UTF_8)).isEqualTo(f.pem);
        assertThat(entries.keySet()).startsWith("checkpoint.txt", "vault.pub", "statements.jsonl", "proofs/0.json")
                .endsWith("manifest.json", "VERIFY.md", "Verify.java")
                .filteredOn(n -> n.startsWith("proofs/")).hasSize(7);
        byte[] q1Iam = "{\"scan\":\"q1-iam\",\"findings\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(entries.get("blobs/" + Digest.of(q1Iam).hex())).isEqualTo(q1Iam);
        assertThat(new String(entries.get("proofs/6.json"), StandardCharsets.UTF_8))
                .matches("\\{\"leafIndex\":6,\"treeSize\":7,\"path\":\\[\"[0-9a-f]{64}\",\"[0-9a-f]{64}\"\\]\\}");

        JsonNode manifest = new ObjectMapper().readTree(entries.get("manifest.json"));
        assertThat(manifest.get("origin").asText()).isEqualTo("vouch/acme-analytics");
        assertThat(manifest.get("statements").asInt()).isEqualTo(7);
        assertThat(manifest.get("blobs").asInt()).isEqualTo(5);
        assertThat(manifest.get("treeSize").asLong()).isEqualTo(7);
        assertThat(manifest.get("keyFingerprint").asText()).isEqualTo(VaultKeys.fingerprint(f.keys.publicKey()));
        assertThat(manifest.get("created").asText()).isEqualTo("2026-07-01T09:30:00Z");
        String readme = new String(entries.get("VERIFY.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("vouch/acme-analytics", VaultKeys.fingerprint(f.keys.publicKey()), "**7 statements**",
                "**5 evidence files**", "checkpoint **7**", "java Verify.java bundle.zip vault.pub").doesNotContain("{{");
        assertThat(entries.get("Verify.java")).isEqualTo(BundleWriter.class.getResourceAsStream("Verify.java").readAllBytes());
    }

    @Test
    void sameVaultSelectionAndClockGiveTheSameBytes() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        f.export(BundleFixture.all(), tmp.resolve("a.zip"));
        f.export(BundleFixture.all(), tmp.resolve("b.zip"));

        assertThat(Files.readAllBytes(tmp.resolve("a.zip"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.zip")));
    }

    @Test
    void selectsStatementsWhosePeriodOverlaps() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Path zip = tmp.resolve("q2.zip");
        Selection q2 = Selection.period(BundleFixture.Q2.plusSeconds(1), BundleFixture.Q3.minusSeconds(1));

        Summary s = f.export(q2, zip);

        assertThat(seqs(zip)).containsExactly(2L, 3L, 4L, 6L);
        assertThat(s.statements()).isEqualTo(4);
        assertThat(s.blobs()).isEqualTo(3);
        assertThat(BundleFixture.entries(zip).keySet()).filteredOn(n -> n.startsWith("proofs/"))
                .containsExactly("proofs/2.json", "proofs/3.json", "proofs/4.json", "proofs/6.json");
        assertThat(BundleVerifier.verify(zip, f.keys.publicKey()).problems()).isEmpty();
    }

    @Test
    void periodBoundsAreInclusive() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Path zip = tmp.resolve("q3.zip");

        f.export(Selection.period(BundleFixture.Q3, BundleFixture.Q3), zip);

        assertThat(seqs(zip)).containsExactly(2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void selectsByControlWithinThePeriod() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Path iam = tmp.resolve("iam.zip");
        Path iamQ2 = tmp.resolve("iam-q2.zip");
        Path two = tmp.resolve("two.zip");

        Summary all = f.export(new Selection(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Set.of("VC-IAM-01")), iam);
        f.export(new Selection(BundleFixture.Q2.plusSeconds(1), BundleFixture.Q3.minusSeconds(1), Set.of("VC-IAM-01")), iamQ2);
        f.export(new Selection(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Set.of("VC-BCK-01", "VC-LOG-02")), two);

        assertThat(seqs(iam)).containsExactly(0L, 2L, 4L, 5L);
        assertThat(all.blobs()).isEqualTo(2);
        assertThat(seqs(iamQ2)).containsExactly(2L, 4L);
        assertThat(seqs(two)).containsExactly(1L, 3L, 4L, 6L);
        assertThat(BundleVerifier.verify(iamQ2, f.keys.publicKey()).ok()).isTrue();
        JsonNode manifest = new ObjectMapper().readTree(BundleFixture.entries(two).get("manifest.json"));
        assertThat(manifest.get("controls").toString()).isEqualTo("[\"VC-BCK-01\",\"VC-LOG-02\"]");
    }

    @Test
    void encryptedBlobStoreExportsPlaintextThatVerifies() throws Exception {
        Path keyFile = tmp.resolve("blob.key");
        Files.writeString(keyFile, BlobCipher.generateKeyBase64());
        FileBlobStore encrypted = new FileBlobStore(tmp.resolve("vault/blobs"), BlobCipher.fromKeyFile(keyFile));
        BundleFixture f = new BundleFixture(tmp, encrypted).standard();
        byte[] report = "backup restore test report, signed".getBytes(StandardCharsets.UTF_8);
        Path stored = blobFile(tmp.resolve("vault/blobs"), Digest.of(report));
        assertThat(Files.readAllBytes(stored)).isNotEqualTo(report);
        Path zip = tmp.resolve("bundle.zip");

        f.export(BundleFixture.all(), zip);

        assertThat(BundleFixture.entries(zip).get("blobs/" + Digest.of(report).hex())).isEqualTo(report);
        assertThat(BundleVerifier.verify(zip, f.keys.publicKey()).problems()).isEmpty();
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Path zip = tmp.resolve("bundle.zip");
        Files.writeString(zip, "keep me");

        assertThatThrownBy(() -> f.export(BundleFixture.all(), zip))
                .isInstanceOf(VaultException.class).hasMessageContaining("bundle.zip: already exists");
        assertThat(Files.readString(zip)).isEqualTo("keep me");
    }

    @Test
    void refusesToExportACorruptBlobAndLeavesNoFile() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Digest q2Log = Digest.of("{\"scan\":\"q2-log\",\"findings\":[]}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(blobFile(tmp.resolve("vault/blobs"), q2Log), "{\"scan\":\"forged\",\"findings\":[]}");
        Path zip = tmp.resolve("bundle.zip");

        assertThatThrownBy(() -> f.export(BundleFixture.all(), zip))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("blob " + q2Log + " (named by entry #3)")
                .hasMessageContaining("nothing was exported");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).doesNotContain("bundle.zip")
                    .noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void refusesAnEmptySelection() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        Path zip = tmp.resolve("none.zip");

        assertThatThrownBy(() -> f.export(new Selection(BundleFixture.Q1, BundleFixture.Q3, Set.of("VC-NONE-99")), zip))
                .isInstanceOf(VaultException.class)
                .hasMessage("no statement in the vault matches the selection (covering 2026-01-01T00:00:00Z to "
                        + "2026-07-01T00:00:00Z, controls [VC-NONE-99]): nothing to export");
        assertThat(zip).doesNotExist();
    }

    @Test
    void refusesAPublicKeyThatDidNotSignTheCheckpoint() throws Exception {
        BundleFixture f = new BundleFixture(tmp).standard();
        VaultKeys other = VaultKeys.generate();

        assertThatThrownBy(() -> BundleWriter.export(f.vault, f.blobs, other.publicKey(), f.pem, BundleFixture.all(),
                tmp.resolve("b.zip"))).isInstanceOf(VaultException.class)
                .hasMessageContaining("does not verify with the given public key");
    }

    private static Path blobFile(Path blobRoot, Digest d) {
        return blobRoot.resolve("sha256").resolve(d.hex().substring(0, 2)).resolve(d.hex().substring(2, 4)).resolve(d.hex());
    }

    private static List<Long> seqs(Path zip) throws Exception {
        ObjectMapper json = new ObjectMapper();
        return BundleFixture.lines(BundleFixture.entries(zip).get("statements.jsonl")).stream()
                .map(l -> readSeq(json, l)).toList();
    }

    private static long readSeq(ObjectMapper json, String line) {
        try {
            return json.readTree(line).get("seq").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
