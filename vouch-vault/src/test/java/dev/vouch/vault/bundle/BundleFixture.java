package dev.vouch.vault.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.vault.Evidence;
import dev.vouch.vault.Vault;
import dev.vouch.vault.blob.BlobStore;
import dev.vouch.vault.blob.FileBlobStore;
import dev.vouch.vault.sign.VaultKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A small real vault (real files, real keys) and helpers to export, rewrite and verify bundles. */
final class BundleFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-07-01T09:30:00Z"), ZoneOffset.UTC);
    static final Instant Q1 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant Q2 = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant Q3 = Instant.parse("2026-07-01T00:00:00Z");

    final Path dir;
    final VaultKeys keys;
    final String pem;
    final Path pubFile;
    final BlobStore blobs;
    final Vault vault;

    BundleFixture(Path dir, BlobStore blobs) throws IOException {
        this.dir = dir;
        this.keys = VaultKeys.generate();
        this.pubFile = dir.resolve("keys/vault.pub");
        keys.save(dir.resolve("keys/vault.key"), pubFile);
        this.pem = Files.readString(pubFile);
        this.blobs = blobs;
        this.vault = new Vault(dir.resolve("vault"), "vouch/acme-analytics", keys, blobs, CLOCK, "vouch-test 0.1.0");
    }

    BundleFixture(Path dir) throws IOException {
        this(dir, new FileBlobStore(dir.resolve("vault/blobs")));
    }

    static Evidence evidence(String kind, String content, List<String> controls, Instant from, Instant to, String note) {
        return new Evidence(kind, content == null ? null : content.getBytes(StandardCharsets.UTF_8),
                content == null ? "" : "application/json", "", controls, List.of("CC6.1"), List.of("terraform:infra/"),
                "alice", from, to, note);
    }

    /**
     * Seven entries in two batches. Seq: 0 Q1 IAM, 1 Q1 LOG, 2 Q2 IAM (no blob), 3 Q2 LOG,
     * 4 Q2 IAM+LOG (same blob as 0), 5 Q3 IAM, 6 Q1..Q3 BCK.
     */
    BundleFixture standard() {
        vault.append(List.of(
                evidence("scan.findings", "{\"scan\":\"q1-iam\",\"findings\":[]}", List.of("VC-IAM-01"), Q1, Q2, "q1 iam"),
                evidence("scan.findings", "{\"scan\":\"q1-log\",\"findings\":[{\"id\":\"AZ-LOG-001\"}]}",
                        List.of("VC-LOG-02"), Q1, Q2, "q1 logging"),
                evidence("exception.created", null, List.of("VC-IAM-01"), Q2, Q3, "break-glass account accepted")));
        vault.append(List.of(
                evidence("scan.findings", "{\"scan\":\"q2-log\",\"findings\":[]}", List.of("VC-LOG-02"), Q2, Q3, "q2 logging"),
                evidence("scan.snapshot", "{\"scan\":\"q1-iam\",\"findings\":[]}", List.of("VC-IAM-01", "VC-LOG-02"),
                        Q2, Q3, "same content as entry 0"),
                evidence("scan.findings", "{\"scan\":\"q3-iam\",\"findings\":[]}", List.of("VC-IAM-01"), Q3,
                        Q3.plusSeconds(86_400 * 30), "q3 iam"),
                evidence("evidence.manual", "backup restore test report, signed", List.of("VC-BCK-01"), Q1, Q3,
                        "annual restore test")));
        return this;
    }

    Summary export(Selection selection, Path zip) {
        return BundleWriter.export(vault, blobs, keys.publicKey(), pem, selection, zip, CLOCK);
    }

    static Selection all() {
        return Selection.period(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
    }

    /** Every entry of a zip, in order, read with ZipInputStream (no extraction). */
    static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static void write(Map<String, byte[]> entries, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
    }

    static List<String> lines(byte[] statements) {
        return List.of(new String(statements, StandardCharsets.UTF_8).split("\n"));
    }

    /** The result of running the bundle's own Verify.java with the JDK's source launcher. */
    record Run(int exit, List<String> output) {
        String last() {
            return output.isEmpty() ? "" : output.get(output.size() - 1);
        }
    }

    /** Runs Verify.java (as shipped in the module's resources) on {@code zip} with {@code pub}. */
    static Run runVerifyJava(Path work, Path zip, Path pub) throws IOException, InterruptedException {
        Path script = work.resolve("verifier/Verify.java");
        Files.createDirectories(script.getParent());
        try (InputStream in = BundleWriter.class.getResourceAsStream("Verify.java")) {
            Files.write(script, in.readAllBytes());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), script.toString(), zip.toString(), pub.toString())
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("Verify.java finished").isTrue();
        List<String> lines = new ArrayList<>(List.of(out.toString(StandardCharsets.UTF_8).split("\n")));
        lines.removeIf(String::isBlank);
        return new Run(p.exitValue(), lines);
    }
}
