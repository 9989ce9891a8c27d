package dev.vouch.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.vault.sign.VaultKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: one killed with SIGKILL in the middle of an append loop, then recovery; and two
 * appending at once. Nothing acknowledged is lost; the vault always verifies.
 */
class VaultCrashTest {
    @TempDir
    Path dir;

    private Process appender(Path vault, Path keys, int batches, int perBatch, String tag) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), VaultAppender.class.getName(),
                vault.toString(), keys.toString(), String.valueOf(batches), String.valueOf(perBatch), tag)
                .redirectErrorStream(true).start();
    }

    private static Path saveKeys(Path dir, VaultKeys keys) throws IOException {
        Files.createDirectories(dir);
        keys.save(dir.resolve("vault.key"), dir.resolve("vault.pub"));
        return dir;
    }

    @Test
    void killDashNineDuringAppendsLosesNothingAcknowledgedAndRecovers() throws Exception {
        VaultKeys keys = VaultKeys.generate();
        Path keyDir = saveKeys(dir.resolve("keys"), keys);
        Path vault = dir.resolve("vault");
        for (int round = 0; round < 3; round++) {
            Process p = appender(vault, keyDir, 1_000_000, 7, "round" + round);
            long acknowledged = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ack ")) {
                        acknowledged = Long.parseLong(line.substring(4));
                        if (acknowledged >= 60L * (round + 1)) {
                            p.destroyForcibly(); // SIGKILL, mid-loop: the next batch may be half written
                            break;
                        }
                    }
                }
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            VaultFixture reopened = new VaultFixture(vault, keys);
            VerifyReport before = reopened.verify();
            assertThat(before.errors()).as("after kill in round %d", round).isEmpty();
            assertThat(before.entries()).isGreaterThanOrEqualTo(acknowledged);
            reopened.vault.append(List.of(VaultFixture.evidence("audit.event", null, "after crash " + round)));
            VerifyReport after = reopened.verify();
            assertThat(after.problems()).as("after recovery in round %d", round).isEmpty();
            assertThat(after.entries()).isGreaterThanOrEqualTo(acknowledged + 1);
        }
    }

    @Test
    void twoProcessesAppendingAtOnceLoseNothing() throws Exception {
        VaultKeys keys = VaultKeys.generate();
        Path keyDir = saveKeys(dir.resolve("keys"), keys);
        Path vault = dir.resolve("vault");
        List<Process> ps = new ArrayList<>();
        for (String tag : List.of("alpha", "beta")) {
            ps.add(appender(vault, keyDir, 20, 10, tag));
        }
        for (Process p : ps) {
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        VerifyReport r = new VaultFixture(vault, keys).verify();
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(400);
        String all = Files.readString(vault.resolve("log/statements.jsonl"));
        for (String tag : List.of("alpha", "beta")) {
            for (int i = 0; i < 200; i++) {
                assertThat(all).contains("\"note\":\"" + tag + " " + i + "\"");
            }
        }
    }
}
