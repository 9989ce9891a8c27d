package dev.vouch.vault.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.sign.SignedCheckpoint;
import dev.vouch.vault.sign.VaultKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each test alters an exported bundle one way and expects both verifiers to name what was done. */
class BundleTamperTest {
    private static final String Q1_LOG = hex("{\"scan\":\"q1-log\",\"findings\":[{\"id\":\"AZ-LOG-001\"}]}");
    private static final String Q2_LOG = hex("{\"scan\":\"q2-log\",\"findings\":[]}");

    @TempDir
    Path tmp;
    BundleFixture f;
    Path zip;
    Map<String, byte[]> entries;

    @BeforeEach
    void export() throws Exception {
        f = new BundleFixture(tmp).standard();
        zip = tmp.resolve("bundle.zip");
        f.export(BundleFixture.all(), zip);
        entries = new LinkedHashMap<>(BundleFixture.entries(zip));
    }

    @Test
    void swappedBlobsAreNamed() throws Exception {
        byte[] a = entries.get("blobs/" + Q1_LOG);
        entries.put("blobs/" + Q1_LOG, entries.get("blobs/" + Q2_LOG));
        entries.put("blobs/" + Q2_LOG, a);
        Path bad = rewrite();

        String first = "blobs/" + Q1_LOG + ": content hashes to sha256:" + Q2_LOG + ", statement seq 1 names sha256:"
                + Q1_LOG + " (swapped or altered blob)";
        String second = "blobs/" + Q2_LOG + ": content hashes to sha256:" + Q1_LOG + ", statement seq 3 names sha256:"
                + Q2_LOG + " (swapped or altered blob)";
        assertThat(BundleVerifier.verify(bad, f.keys.publicKey()).problems()).containsExactly(first, second);
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, bad, f.pubFile);
        assertThat(run.output()).containsExactly(first, second, "FAILED: 2 problem(s) in " + bad);
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void alteredStatementFailsItsInclusionProof() throws Exception {
        String statements = new String(entries.get("statements.jsonl"), StandardCharsets.UTF_8);
        assertThat(statements).contains("\"note\":\"q2 logging\"");
        entries.put("statements.jsonl", statements.replace("q2 logging", "q2 loggimg").getBytes(StandardCharsets.UTF_8));
        Path bad = rewrite();

        String expected = "statement seq 3: inclusion proof does not verify against checkpoint 7"
                + " (the statement or its proof was altered)";
        assertThat(BundleVerifier.verify(bad, f.keys.publicKey()).problems()).containsExactly(expected);
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, bad, f.pubFile);
        assertThat(run.output()).containsExactly(expected, "FAILED: 1 problem(s) in " + bad);
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void alteredProofFailsToo() throws Exception {
        String proof = new String(entries.get("proofs/2.json"), StandardCharsets.UTF_8);
        char c = proof.charAt(proof.length() - 4);
        entries.put("proofs/2.json", (proof.substring(0, proof.length() - 4) + (c == '0' ? '1' : '0')
                + proof.substring(proof.length() - 3)).getBytes(StandardCharsets.UTF_8));
        Path bad = rewrite();

        assertThat(BundleVerifier.verify(bad, f.keys.publicKey()).problems()).containsExactly(
                "statement seq 2: inclusion proof does not verify against checkpoint 7 (the statement or its proof was altered)");
    }

    @Test
    void nonCanonicalStatementIsNamed() throws Exception {
        String statements = new String(entries.get("statements.jsonl"), StandardCharsets.UTF_8);
        assertThat(statements).startsWith("{\"actor\":\"alice\",");
        entries.put("statements.jsonl", ("{\"actor\": " + statements.substring("{\"actor\":".length()))
                .getBytes(StandardCharsets.UTF_8));
        Path bad = rewrite();

        assertThat(BundleVerifier.verify(bad, f.keys.publicKey()).problems()).containsExactly(
                "statement seq 0: not in canonical JSON form (it was edited after it was written)",
                "statement seq 0: inclusion proof does not verify against checkpoint 7 (the statement or its proof was altered)");
    }

    @Test
    void checkpointResignedWithAnotherKeyIsRejected() throws Exception {
        VaultKeys mallory = VaultKeys.generate();
        String note = new String(entries.get("checkpoint.txt"), StandardCharsets.UTF_8);
        entries.put("checkpoint.txt", SignedCheckpoint.sign(SignedCheckpoint.parse(note), mallory).getBytes(StandardCharsets.UTF_8));
        Path bad = rewrite();

        assertThat(BundleVerifier.verify(bad, f.keys.publicKey()).problems()).singleElement().asString()
                .startsWith("checkpoint.txt: not signed by the given key " + VaultKeys.fingerprint(f.keys.publicKey()))
                .contains("signature by another key");
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, bad, f.pubFile);
        assertThat(run.output().get(0)).startsWith("checkpoint.txt: not signed by your key "
                + VaultKeys.fingerprint(f.keys.publicKey()));
        assertThat(run.output()).hasSize(2);
        assertThat(run.last()).startsWith("FAILED: 1 problem(s)");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void alteredCheckpointTextFailsItsSignature() throws Exception {
        String note = new String(entries.get("checkpoint.txt"), StandardCharsets.UTF_8);
        entries.put("checkpoint.txt", note.replace("time 2026-07-01T09:30:00Z", "time 2026-07-01T09:30:01Z")
                .getBytes(StandardCharsets.UTF_8));
        Path bad = rewrite();

        assertThat(BundleVerifier.verify(bad, f.keys.publicKey()).problems()).singleElement().asString()
                .contains("signature does not verify");
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, bad, f.pubFile);
        assertThat(run.output()).containsExactly(
                "checkpoint.txt: the signature by your key does not verify (the checkpoint was altered)",
                "FAILED: 1 problem(s) in " + bad);
    }

    @Test
    void verifyingWithAWrongKeyFailsTheSignatureAndNamesTheBundledKey() throws Exception {
        VaultKeys other = VaultKeys.generate();
        Path otherPub = tmp.resolve("other/vault.pub");
        other.save(tmp.resolve("other/vault.key"), otherPub);

        BundleReport report = BundleVerifier.verify(zip, other.publicKey());

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).hasSize(2);
        assertThat(report.problems().get(0)).startsWith("checkpoint.txt: not signed by the given key "
                + VaultKeys.fingerprint(other.publicKey()));
        assertThat(report.problems().get(1)).isEqualTo("vault.pub: differs from the key you gave (the bundle's is "
                + VaultKeys.fingerprint(f.keys.publicKey()) + ", yours " + VaultKeys.fingerprint(other.publicKey())
                + "); everything was checked against yours");
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, zip, otherPub);
        assertThat(run.output().get(0)).startsWith("checkpoint.txt: not signed by your key " + VaultKeys.fingerprint(other.publicKey()));
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void truncatedZipIsOneClearProblem() throws Exception {
        byte[] whole = Files.readAllBytes(zip);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        BundleReport report = BundleVerifier.verify(cut, f.keys.publicKey());

        assertThat(report.problems()).singleElement().asString().startsWith(cut + ": not a readable zip archive (")
                .endsWith("): the file is truncated, corrupt or not a Vouch bundle");
        assertThat(report.ok()).isFalse();
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, cut, f.pubFile);
        assertThat(run.output().get(0)).startsWith(cut + ": not a readable zip archive");
        assertThat(run.last()).isEqualTo("FAILED: 1 problem(s) in " + cut);
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void foreignFileIsOneClearProblem() throws Exception {
        Path pdf = tmp.resolve("report.pdf");
        Files.writeString(pdf, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

        assertThat(BundleVerifier.verify(pdf, f.keys.publicKey()).problems()).singleElement().asString()
                .startsWith(pdf + ": not a readable zip archive");
        assertThat(BundleVerifier.verify(tmp.resolve("absent.zip"), f.keys.publicKey()).problems())
                .containsExactly(tmp.resolve("absent.zip") + ": no such file");
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, pdf, f.pubFile);
        assertThat(run.output()).hasSize(2);
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void pathTraversalEntryIsFlaggedNotExtracted() throws Exception {
        entries.put("../evil", "#!/bin/sh\necho owned\n".getBytes(StandardCharsets.UTF_8));
        entries.put("blobs/../../evil2", new byte[] {1, 2, 3});
        Path bad = rewrite();

        BundleReport report = BundleVerifier.verify(bad, f.keys.publicKey());

        assertThat(report.problems()).containsExactly(
                "entry '../evil': not a file a Vouch bundle holds (unexpected name); ignored, not extracted",
                "entry 'blobs/../../evil2': not a file a Vouch bundle holds (unexpected name); ignored, not extracted");
        assertThat(report.statements()).isEqualTo(7);
        assertThat(tmp.getParent().resolve("evil")).doesNotExist();
        assertThat(tmp.resolve("evil")).doesNotExist();
        BundleFixture.Run run = BundleFixture.runVerifyJava(tmp, bad, f.pubFile);
        assertThat(run.output()).contains("entry '../evil': unexpected name in a Vouch bundle; ignored, not extracted");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(tmp.getParent().resolve("evil")).doesNotExist();
    }

    @Test
    void missingBlobProofAndExtraBlobAreNamed() throws Exception {
        entries.remove("blobs/" + Q2_LOG);
        entries.remove("proofs/5.json");
        byte[] extra = "not named by anything".getBytes(StandardCharsets.UTF_8);
        entries.put("blobs/" + Digest.of(extra).hex(), extra);
        Path bad = rewrite();

        assertThat(BundleVerifier.verify(bad, f.keys.publicKey()).problems()).containsExactlyInAnyOrder(
                "statement seq 3: its blob blobs/" + Q2_LOG + " is missing from the bundle",
                "statement seq 5: no inclusion proof (proofs/5.json is missing)",
                "blobs/" + Digest.of(extra).hex() + ": not named by any statement (unexpected blob)");
    }

    private Path rewrite() throws Exception {
        Path bad = tmp.resolve("tampered-" + System.nanoTime() + ".zip");
        BundleFixture.write(entries, bad);
        return bad;
    }

    private static String hex(String content) {
        return Digest.of(content.getBytes(StandardCharsets.UTF_8)).hex();
    }
}
