package dev.vouch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a write could change, read straight from the database, the vault folder and the scan jobs: two snapshots are
 * equal when nothing was created, disabled, revoked, recorded or started in between (token last-use times aside).
 */
record ServerState(List<String> accounts, List<String> tokens, List<String> vaultFiles, int scanJobs) {
    static ServerState of(ServerFixture f) {
        List<String> accounts = f.accounts().all().stream()
                .map(a -> a.id() + ":" + a.username() + ":" + a.role() + ":disabled=" + a.disabled() + ":mfa=" + a.mfaEnabled()
                        + ":pw=" + a.passwordChangedAt())
                .sorted().toList();
        List<String> tokens = f.accounts().allTokens().stream()
                .map(t -> t.id() + ":" + t.accountId() + ":" + t.scope() + ":revoked=" + t.revokedAt().isPresent()).sorted().toList();
        return new ServerState(accounts, tokens, files(f.workspace.resolve(".vouch").resolve("vault")),
                f.bean(ScanJobs.class).recent().size());
    }

    /** Every file under {@code dir} with its size (empty when the folder does not exist). */
    static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(p -> dir.relativize(p) + "=" + size(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
