package dev.vouch.vault.sign;

/** A signed checkpoint note is malformed; the message names the line (1-based) and what is wrong. */
public final class CheckpointFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;

    CheckpointFormatException(int line, String problem) {
        super("checkpoint line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the note the problem is on. */
    public int line() {
        return line;
    }
}
