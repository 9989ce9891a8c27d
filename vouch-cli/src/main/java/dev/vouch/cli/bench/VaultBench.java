package dev.vouch.cli.bench;

import dev.vouch.vault.Evidence;
import dev.vouch.vault.Vault;
import dev.vouch.vault.VaultVerifier;
import dev.vouch.vault.VerifyReport;
import dev.vouch.vault.blob.FileBlobStore;
import dev.vouch.vault.bundle.BundleWriter;
import dev.vouch.vault.bundle.Selection;
import dev.vouch.vault.merkle.Rfc6962;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Vault benchmarks for docs/benchmarks.md: append rate, full verify, proof time, bundle export. */
public final class VaultBench {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-31T23:59:59Z");
    private final PrintWriter out;

    public VaultBench(PrintWriter out) {
        this.out = out;
    }

    public void run(Path dir, int entries, int batch) throws IOException {
        VaultKeys keys = VaultKeys.generate();
        Path vaultDir = dir.resolve("vault");
        FileBlobStore blobs = new FileBlobStore(vaultDir.resolve("blobs"));
        Vault vault = new Vault(vaultDir, "vouch/bench", keys, blobs, Clock.systemUTC(), "vouch-bench");
        long t0 = System.nanoTime();
        for (int done = 0; done < entries; done += batch) {
            List<Evidence> b = new ArrayList<>(batch);
            for (int i = done; i < Math.min(entries, done + batch); i++) {
                b.add(new Evidence("audit.event", null, "", "", List.of("VC-LOG-01"), List.of("CC7.2"), List.of("bench"),
                        "bench", FROM, TO, "event " + i));
            }
            vault.append(b);
        }
        double appendS = (System.nanoTime() - t0) / 1e9;
        long bytes = Files.size(vaultDir.resolve("log/statements.jsonl"));
        out.printf("append: %,d statements (%,d bytes) in batches of %,d with a signed checkpoint each: %.2f s = %,.0f statements/s%n",
                entries, bytes, batch, appendS, entries / appendS);
        t0 = System.nanoTime();
        VerifyReport r = new VaultVerifier(vaultDir, keys.publicKey(), blobs).verify(Optional.empty());
        double verifyS = (System.nanoTime() - t0) / 1e9;
        out.printf("verify: %,d entries, %d checkpoints, ok=%b: %.2f s = %,.0f MB/s of statements%n", r.entries(), r.checkpoints(),
                r.ok(), verifyS, bytes / verifyS / 1e6);
        proofs(vault, entries);
        sha256sum(vaultDir.resolve("log/statements.jsonl"), bytes);
    }

    private void proofs(Vault vault, int entries) {
        Random random = new Random(42);
        long n = entries;
        try (var tree = dev.vouch.vault.merkle.TreeFiles.open(vault.paths().tree())) {
            int count = 10_000;
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Rfc6962.inclusionProof(tree, (long) (random.nextDouble() * n), n);
            }
            double us = (System.nanoTime() - t0) / 1e3 / count;
            out.printf("inclusion proof: %,d random proofs in a tree of %,d: %.1f µs each%n", count, n, us);
        }
        long t0 = System.nanoTime();
        vault.inclusionProof(n / 3, n);
        out.printf("inclusion proof through Vault.inclusionProof (opens the tree files each call): %.2f ms%n",
                (System.nanoTime() - t0) / 1e6);
    }

    private void sha256sum(Path file, long bytes) {
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            p.waitFor();
            double s = (System.nanoTime() - t0) / 1e9;
            out.printf("sha256sum of the same statements file: %.2f s = %,.0f MB/s (the hashing limit)%n", s, bytes / s / 1e6);
        } catch (IOException | InterruptedException e) {
            out.println("sha256sum not available: " + e.getMessage());
        }
    }

    /** A vault of {@code entries} statements each with a ~1 KiB blob, exported whole as a bundle. */
    public void bundle(Path dir, int entries) throws IOException {
        VaultKeys keys = VaultKeys.generate();
        Path vaultDir = dir.resolve("bundle-vault");
        FileBlobStore blobs = new FileBlobStore(vaultDir.resolve("blobs"));
        Vault vault = new Vault(vaultDir, "vouch/bench", keys, blobs, Clock.systemUTC(), "vouch-bench");
        Random random = new Random(7);
        for (int done = 0; done < entries; done += 1000) {
            List<Evidence> b = new ArrayList<>();
            for (int i = done; i < Math.min(entries, done + 1000); i++) {
                byte[] content = new byte[1024];
                random.nextBytes(content);
                b.add(new Evidence("evidence.manual", content, "application/octet-stream", "e" + i + ".bin", List.of("VC-IAM-05"),
                        List.of("CC6.2"), List.of("manual"), "bench", FROM, TO, ""));
            }
            vault.append(b);
        }
        Path pem = dir.resolve("vault.pub");
        keys.save(dir.resolve("vault.key"), pem);
        long t0 = System.nanoTime();
        var s = BundleWriter.export(vault, blobs, keys.publicKey(), Files.readString(pem, StandardCharsets.UTF_8),
                new Selection(FROM, TO, Set.of()), dir.resolve("bundle.zip"));
        out.printf("bundle: %,d entries with 1 KiB blobs exported in %.2f s (%,d bytes)%n", s.statements(),
                (System.nanoTime() - t0) / 1e9, Files.size(s.file()));
    }
}
