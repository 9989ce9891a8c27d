package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault as a user drives it: init, scan, manual evidence, verify, tamper, export, verify-bundle. */
class VaultCommandsTest {
    @TempDir
    Path dir;

    private Path workspace() throws IOException {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("tf"));
        Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF);
        assertThat(CliRun.of("init", ws.toString()).exit()).isZero();
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Test Co\nsources:\n  terraform: [tf]\n");
        return ws;
    }

    @Test
    void initCreatesAPrivateKeyOnlyTheOwnerCanRead() throws IOException {
        Path ws = dir.resolve("ws");
        CliRun r = CliRun.of("init", ws.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("created", "fingerprint SHA256:");
        Path key = ws.resolve(".vouch/keys/vault.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(r.out() + r.err()).doesNotContain(Files.readString(key).lines().skip(1).findFirst().orElseThrow());
        assertThat(CliRun.of("init", ws.toString()).out()).contains("kept");
    }

    @Test
    void scansAndManualEvidenceAreRecordedVerifiedExportedAndVerifiedOutside() throws IOException {
        Path ws = workspace();
        assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isZero();
        Path file = dir.resolve("q3 review.txt");
        Files.writeString(file, "reviewed 14 users");
        CliRun add = CliRun.of("evidence", "add", file.toString(), "--control", "VC-IAM-05", "--covers", "2026-07-01..2026-09-30",
                "-w", ws.toString());
        assertThat(add.out()).contains("recorded q3 review.txt as entry #2");
        CliRun list = CliRun.of("evidence", "list", "-w", ws.toString(), "--control", "VC-IAM-05");
        assertThat(list.out()).contains("evidence.manual", "q3 review.txt", "1 entries");
        assertThat(CliRun.of("evidence", "get", "2", "-o", dir.resolve("out.txt").toString(), "-w", ws.toString()).exit()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("reviewed 14 users");
        CliRun verify = CliRun.of("vault", "verify", "-w", ws.toString());
        assertThat(verify.exit()).isZero();
        assertThat(verify.out()).contains("entries   3", "OK: the vault verifies");

        Path bundle = dir.resolve("bundle.zip");
        CliRun export = CliRun.of("vault", "export", "--period", "2026-07-01..2026-09-30", "-o", bundle.toString(), "-w", ws.toString());
        assertThat(export.exit()).isZero();
        assertThat(export.out()).contains("1 statements, 1 blobs");
        Path pub = ws.resolve(".vouch/keys/vault.pub");
        CliRun ok = CliRun.of("vault", "verify-bundle", bundle.toString(), "--key", pub.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("OK: 1 statements, 1 blobs verified against checkpoint 3");
    }

    @Test
    void tamperingIsNamedAndExitsFour() throws IOException {
        Path ws = workspace();
        CliRun.of("scan", ws.toString(), "-q");
        Path log = ws.resolve(".vouch/vault/log/statements.jsonl");
        List<String> lines = Files.readAllLines(log);
        Files.writeString(log, lines.get(1).replace("\"kind\":\"scan.findings\"", "\"kind\":\"scan.findingz\"") + "\n"
                + lines.get(0) + "\n");
        CliRun r = CliRun.of("vault", "verify", "-w", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.VERIFY_FAILED);
        assertThat(r.out()).contains("error: entry #0: carries seq 1", "FAILED");
    }

    @Test
    void foreignBundleAndWrongKeyAreClearFailures() throws IOException {
        Path ws = workspace();
        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a zip");
        CliRun r = CliRun.of("vault", "verify-bundle", junk.toString(), "--key", ws.resolve(".vouch/keys/vault.pub").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.VERIFY_FAILED);
        assertThat(r.out()).contains("not a readable zip");
        CliRun missingKey = CliRun.of("vault", "verify-bundle", junk.toString(), "--key", dir.resolve("nope.pub").toString());
        assertThat(missingKey.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(missingKey.err()).contains("nope.pub: no such key file");
    }

    @Test
    void exceptionEventsAreRecordedOnceEach() throws IOException {
        Path ws = workspace();
        Files.writeString(ws.resolve("vouch.yaml"), """
                organization: Test Co
                sources:
                  terraform: [tf]
                exceptions:
                  - {id: EXC-1, check: AZ-STG-002, resource: "*weak*", owner: dana, reason: legacy client, expires: 2999-01-01}
                  - {id: EXC-0, check: AZ-STG-002, resource: "*old*", owner: raj, reason: migration, expires: 2020-01-01}
                """);
        CliRun.of("scan", ws.toString(), "-q");
        CliRun.of("scan", ws.toString(), "-q");
        String list = CliRun.of("evidence", "list", "-w", ws.toString(), "--format", "json").out();
        assertThat(list.split("\"exception.created\"", -1)).hasSize(3);
        assertThat(list.split("\"exception.expired\"", -1)).hasSize(2);
        assertThat(list).contains("exception EXC-0 for AZ-STG-002 expired on 2020-01-01");
        assertThat(CliRun.of("vault", "verify", "-w", ws.toString()).exit()).isZero();
    }

    @Test
    void blobsAreEncryptedAtRestWhenAKeyIsConfigured() throws IOException {
        Path ws = workspace();
        Files.writeString(ws.resolve("blob.key"), dev.vouch.vault.blob.BlobCipher.generateKeyBase64());
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Test Co\nsources:\n  terraform: [tf]\nvault:\n  encryptionKeyFile: blob.key\n");
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, "board minutes: approve the security budget");
        CliRun.of("evidence", "add", file.toString(), "--control", "VC-GOV-01", "--covers", "2026-01-01..2026-12-31", "-w", ws.toString());
        try (var s = Files.walk(ws.resolve(".vouch/vault/blobs/sha256"))) {
            for (Path blob : s.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(blob), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(raw).startsWith("VOUCHENC1").doesNotContain("board minutes");
            }
        }
        assertThat(CliRun.of("evidence", "get", "0", "-o", dir.resolve("back.txt").toString(), "-w", ws.toString()).exit()).isZero();
        assertThat(Files.readString(dir.resolve("back.txt"))).isEqualTo("board minutes: approve the security budget");
        assertThat(CliRun.of("vault", "verify", "-w", ws.toString()).exit()).isZero();
        Files.writeString(ws.resolve("blob.key"), dev.vouch.vault.blob.BlobCipher.generateKeyBase64());
        CliRun wrongKey = CliRun.of("vault", "verify", "-w", ws.toString());
        assertThat(wrongKey.exit()).isEqualTo(ExitCode.VERIFY_FAILED);
        assertThat(wrongKey.out()).contains("entry #0", "decrypt");
    }

    @Test
    void anUnreadableBlobFolderIsNamedAndNothingIsModified() throws IOException {
        Path ws = workspace();
        CliRun.of("scan", ws.toString(), "-q");
        Path blobs = ws.resolve(".vouch/vault/blobs");
        Path moved = dir.resolve("blobs-elsewhere");
        Files.move(blobs, moved);
        Files.writeString(blobs, "not a folder");
        byte[] log = Files.readAllBytes(ws.resolve(".vouch/vault/log/statements.jsonl"));
        CliRun r = CliRun.of("vault", "verify", "-w", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("blob store root", blobs.toString(), "is not a directory");
        assertThat(Files.readAllBytes(ws.resolve(".vouch/vault/log/statements.jsonl"))).isEqualTo(log);
        assertThat(Files.readString(blobs)).isEqualTo("not a folder");
    }

    @Test
    void consistencyProofFromAHeldCheckpoint() throws IOException {
        Path ws = workspace();
        CliRun.of("scan", ws.toString(), "-q");
        Path held = dir.resolve("held.txt");
        Files.writeString(held, CliRun.of("vault", "checkpoint", "-w", ws.toString()).out());
        CliRun.of("scan", ws.toString(), "-q");
        CliRun r = CliRun.of("vault", "consistency", "--checkpoint", held.toString(), "-w", ws.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"first\" : 2", "\"second\" : 4", "\"path\"");
        assertThat(r.err()).contains("OK: checkpoint 4 extends your checkpoint 2");
    }
}
