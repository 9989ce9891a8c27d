package dev.vouch.vault;

import dev.vouch.vault.blob.FileBlobStore;
import dev.vouch.vault.sign.VaultKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A separate process for VaultCrashTest: appends batches and prints "ack N" after each checkpoint. */
public final class VaultAppender {
    private VaultAppender() {
    }

    public static void main(String[] args) {
        Path vaultDir = Path.of(args[0]);
        Path keys = Path.of(args[1]);
        int batches = Integer.parseInt(args[2]);
        int perBatch = Integer.parseInt(args[3]);
        String tag = args[4];
        Vault vault = new Vault(vaultDir, "vouch/test", VaultKeys.load(keys.resolve("vault.key"), keys.resolve("vault.pub")),
                new FileBlobStore(vaultDir.resolve("blobs")), Clock.systemUTC(), "vouch-test");
        int n = 0;
        for (int b = 0; b < batches; b++) {
            List<Evidence> batch = new ArrayList<>();
            for (int i = 0; i < perBatch; i++, n++) {
                Evidence e = VaultFixture.evidence("scan.findings", "{\"tag\":\"" + tag + "\",\"n\":" + n + "}", tag + " " + n);
                batch.add(e);
            }
            Vault.Appended a = vault.append(batch);
            System.out.println("ack " + a.treeSize());
            System.out.flush();
        }
    }
}
