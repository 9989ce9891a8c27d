package dev.vouch.schedule;

import java.nio.file.Path;

/** The ledger file exists but cannot be read as a ledger. The message names the file and the problem. */
public final class LedgerCorruptException extends RuntimeException {

    private final Path file;

    LedgerCorruptException(Path file, String detail, Throwable cause) {
        super("schedule ledger " + file + " is corrupt: " + detail, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
