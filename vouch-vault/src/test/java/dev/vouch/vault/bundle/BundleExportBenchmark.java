package dev.vouch.vault.bundle;

import dev.vouch.vault.Evidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: measures one export of a 10,000-entry bundle (each entry with its own ~1 KiB blob).
 * Run from the module directory after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:<jackson jars> dev.vouch.vault.bundle.BundleExportBenchmark}.
 */
final class BundleExportBenchmark {
    private BundleExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("vouch-bundle-bench");
        BundleFixture f = new BundleFixture(dir);
        String padding = "x".repeat(1000);
        for (int b = 0; b < entries / 1000; b++) {
            List<Evidence> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = b * 1000 + i;
                batch.add(BundleFixture.evidence("scan.findings", "{\"scan\":" + n + ",\"pad\":\"" + padding + "\"}",
                        List.of(n % 2 == 0 ? "VC-IAM-01" : "VC-LOG-02"), BundleFixture.Q1, BundleFixture.Q2, "entry " + n));
            }
            f.vault.append(batch);
        }
        for (int run = 1; run <= 3; run++) {
            Path zip = dir.resolve("bundle-" + run + ".zip");
            long start = System.nanoTime();
            Summary s = f.export(BundleFixture.all(), zip);
            long exportMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            BundleReport r = BundleVerifier.verify(zip, f.keys.publicKey());
            long verifyMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: export %d statements, %d blobs, %d bytes in %d ms; verify (%s) in %d ms%n", run,
                    s.statements(), s.blobs(), Files.size(zip), exportMs, r.ok() ? "ok" : r.problems().get(0), verifyMs);
        }
        System.out.println("bundle: " + dir.resolve("bundle-1.zip") + " key: " + f.pubFile);
    }
}
