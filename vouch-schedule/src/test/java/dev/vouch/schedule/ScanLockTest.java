package dev.vouch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanLockTest {
    @TempDir
    Path dir;

    /** Closing any channel to a locked file releases the process's lock on Linux: a refused attempt must not. */
    @Test
    void aRefusedSecondAttemptInThisJvmKeepsTheLockForOtherProcesses() throws Exception {
        ScanLock lock = ScanLock.forWorkspace(dir);
        try (ScanLock.Held held = lock.tryAcquire().orElseThrow()) {
            assertThat(ScanLock.forWorkspace(dir).tryAcquire()).as("second attempt in this JVM").isEmpty();
            assertThat(lock.tryAcquire()).isEmpty();
            assertThat(otherProcess(lock.file())).isEqualTo("busy");
        }
        assertThat(otherProcess(lock.file())).as("released on close").isEqualTo("locked");
        try (ScanLock.Held again = lock.tryAcquire().orElseThrow()) {
            again.close();
            again.close(); // closing twice is harmless
        }
        assertThat(lock.tryAcquire()).isPresent().get().satisfies(ScanLock.Held::close);
    }

    private static String otherProcess(Path lockFile) throws Exception {
        String classes = Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes, LockHolder.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            return r.readLine();
        } finally {
            p.destroyForcibly().waitFor();
        }
    }
}
