package dev.vouch.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tamper matrix of issue #3: each case detected, with a message naming the entry and the reason. */
class VaultTamperTest {
    @TempDir
    Path dir;
    VaultFixture f;
    Path statements;

    @BeforeEach
    void fill() {
        f = new VaultFixture(dir.resolve("vault"), VaultKeys.generate());
        f.fill(5, 10); // 50 entries, checkpoints at 10, 20, 30, 40, 50
        statements = f.dir.resolve("log/statements.jsonl");
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(statements, StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(statements, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private List<String> errors() {
        return f.verify().errors().stream().map(VerifyReport.Problem::toString).toList();
    }

    @Test
    void anUntouchedVaultVerifies() {
        VerifyReport r = f.verify();
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(50);
        assertThat(r.checkpoints()).isEqualTo(5);
        assertThat(r.blobsChecked()).isEqualTo(50);
    }

    @Test
    void flippedByteInABlob() throws IOException {
        String digest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines().get(17)).get("digest").asText();
        String hex = Digest.parse(digest).hex();
        Path blob;
        try (Stream<Path> s = Files.walk(f.dir.resolve("blobs"))) {
            blob = s.filter(p -> p.getFileName().toString().equals(hex)).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(blob);
        b[3] ^= 1;
        Files.write(blob, b);
        assertThat(errors()).singleElement().asString().startsWith("error: entry #17: ").contains(hex);
    }

    @Test
    void flippedByteInAStatement() throws IOException {
        List<String> l = lines();
        l.set(23, l.get(23).replace("\"note\":\"entry 23\"", "\"note\":\"entry 24\""));
        write(l);
        assertThat(errors()).contains(
                "error: entry #23: does not match its recorded leaf hash: the statement was changed after it was written")
                .anyMatch(e -> e.startsWith("error: checkpoint 30: the log's first 30 entries hash to"));
    }

    @Test
    void deletedEntry() throws IOException {
        List<String> l = lines();
        l.remove(12);
        write(l);
        assertThat(errors()).contains("error: entry #12: carries seq 13: entries were inserted, removed or reordered before it")
                .contains("error: checkpoint 50: was signed for 50 entries but the log has only 49: entries #49..#49 were removed (log truncated or rolled back)");
    }

    @Test
    void insertedEntry() throws IOException {
        List<String> l = lines();
        l.add(31, l.get(30));
        write(l);
        assertThat(errors()).contains("error: entry #31: carries seq 30: entries were inserted, removed or reordered before it")
                .anyMatch(e -> e.startsWith("error: checkpoint 40: the log's first 40 entries hash to"));
    }

    @Test
    void reorderedEntries() throws IOException {
        List<String> l = lines();
        String a = l.get(5);
        l.set(5, l.get(6));
        l.set(6, a);
        write(l);
        assertThat(errors()).contains("error: entry #5: carries seq 6: entries were inserted, removed or reordered before it",
                "error: entry #6: carries seq 5: entries were inserted, removed or reordered before it");
    }

    @Test
    void truncatedLog() throws IOException {
        write(lines().subList(0, 35));
        assertThat(errors()).contains(
                "error: checkpoint 40: was signed for 40 entries but the log has only 35: entries #35..#39 were removed (log truncated or rolled back)",
                "error: checkpoint 50: was signed for 50 entries but the log has only 35: entries #35..#49 were removed (log truncated or rolled back)");
    }

    @Test
    void checkpointResignedWithAnotherKey() throws IOException {
        VaultKeys other = VaultKeys.generate();
        Path c = f.vault.paths().checkpoint(50);
        var parsed = dev.vouch.vault.sign.SignedCheckpoint.parse(Files.readString(c));
        Files.writeString(c, dev.vouch.vault.sign.SignedCheckpoint.sign(parsed, other));
        assertThat(errors()).singleElement().asString().startsWith("error: checkpoint 50: ").contains("another key");
    }

    @Test
    void logRolledBackAfterTheAuditorSawALaterCheckpoint() throws IOException {
        String held = Files.readString(f.vault.paths().checkpoint(50));
        write(lines().subList(0, 30));
        Files.delete(f.vault.paths().checkpoint(40));
        Files.delete(f.vault.paths().checkpoint(50));
        Files.delete(f.dir.resolve("log/index.bin"));
        Files.walk(f.dir.resolve("log/tree")).filter(Files::isRegularFile).forEach(p -> p.toFile().delete());
        assertThat(f.verify().ok()).as("without the held checkpoint the rolled-back vault looks whole").isTrue();
        assertThat(f.verify(Optional.of(held)).errors()).extracting(VerifyReport.Problem::toString).containsExactly(
                "error: your checkpoint 50: was signed for 50 entries but the log has only 30: entries #30..#49 were removed (log truncated or rolled back)");
    }

    @Test
    void aForkedHistoryIsCaughtByTheHeldCheckpoint() throws IOException {
        String held = Files.readString(f.vault.paths().checkpoint(20));
        VaultFixture forged = new VaultFixture(dir.resolve("forged"), f.keys);
        forged.fill(3, 10, "rewritten ");
        assertThat(forged.verify(Optional.of(held)).errors()).extracting(VerifyReport.Problem::toString)
                .anyMatch(e -> e.startsWith("error: your checkpoint 20: the log's history differs from the checkpoint you hold"));
    }
}
