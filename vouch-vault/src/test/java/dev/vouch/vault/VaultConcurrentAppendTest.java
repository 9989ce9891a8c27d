package dev.vouch.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.vault.blob.FileBlobStore;
import dev.vouch.vault.sign.VaultKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several Vault objects on one folder in one process (a server's threads) append in turn, none lost, none refused. */
class VaultConcurrentAppendTest {
    @TempDir
    Path dir;

    @Test
    void threadsWithTheirOwnVaultObjectsAppendInTurn() throws Exception {
        VaultKeys keys = VaultKeys.generate();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Vault.Appended>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                done.add(pool.submit(() -> new Vault(dir, "vouch/test", keys, new FileBlobStore(dir.resolve("blobs")), VaultFixture.CLOCK,
                        "vouch-test").append(List.of(VaultFixture.evidence("audit.server", "{\"n\":" + n + "}", "entry " + n)))));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<Vault.Appended> f : done) {
                seqs.addAll(f.get().seqs());
            }
            assertThat(seqs).hasSize(40).doesNotHaveDuplicates().allMatch(s -> s >= 0 && s < 40);
        } finally {
            pool.shutdownNow();
        }
        VerifyReport r = new VaultVerifier(dir, keys.publicKey(), new FileBlobStore(dir.resolve("blobs"))).verify(java.util.Optional.empty());
        assertThat(r.ok()).as(r.problems().toString()).isTrue();
        assertThat(r.entries()).isEqualTo(40);
    }
}
