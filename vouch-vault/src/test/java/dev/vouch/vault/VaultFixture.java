package dev.vouch.vault;

import dev.vouch.vault.blob.FileBlobStore;
import dev.vouch.vault.sign.VaultKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds small real vaults for tests. */
final class VaultFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    final Path dir;
    final VaultKeys keys;
    final Vault vault;

    VaultFixture(Path dir, VaultKeys keys) {
        this.dir = dir;
        this.keys = keys;
        this.vault = new Vault(dir, "vouch/test", keys, new FileBlobStore(dir.resolve("blobs")), CLOCK, "vouch-test");
    }

    static Evidence evidence(String kind, String content, String note) {
        return new Evidence(kind, content == null ? null : content.getBytes(StandardCharsets.UTF_8), "application/json",
                "", List.of("VC-IAM-01"), List.of("CC6.1"), List.of("terraform:infra/"), "tester",
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z"), note);
    }

    /** Appends {@code batches} batches of {@code perBatch} entries, each with its own blob. */
    void fill(int batches, int perBatch) {
        fill(batches, perBatch, "entry ");
    }

    void fill(int batches, int perBatch, String notePrefix) {
        int n = 0;
        for (int b = 0; b < batches; b++) {
            List<Evidence> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++, n++) {
                batch.add(evidence("scan.findings", "{\"scan\":" + n + ",\"findings\":[]}", notePrefix + n));
            }
            vault.append(batch);
        }
    }

    VerifyReport verify() {
        return verify(Optional.empty());
    }

    VerifyReport verify(Optional<String> held) {
        return new VaultVerifier(dir, keys.publicKey(), new FileBlobStore(dir.resolve("blobs"))).verify(held);
    }
}
