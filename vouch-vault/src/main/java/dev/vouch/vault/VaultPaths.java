package dev.vouch.vault;

import java.nio.file.Path;

/** Where a vault keeps its files (docs/vault.md, "Layout"). */
public record VaultPaths(Path dir) {
    public Path lock() {
        return dir.resolve("lock");
    }

    public Path log() {
        return dir.resolve("log");
    }

    public Path tree() {
        return dir.resolve("log").resolve("tree");
    }

    public Path checkpoints() {
        return dir.resolve("checkpoints");
    }

    public Path blobs() {
        return dir.resolve("blobs");
    }

    public Path checkpoint(long size) {
        return checkpoints().resolve(String.format("%020d.txt", size));
    }

    /** The tree size a checkpoint file name claims, or -1 when the name is not a checkpoint's. */
    static long sizeOf(Path checkpointFile) {
        String n = checkpointFile.getFileName().toString();
        if (!n.matches("\\d{20}\\.txt")) {
            return -1;
        }
        return Long.parseLong(n.substring(0, 20));
    }
}
