package dev.vouch.cli;

/** Vouch's documented exit codes (docs/exit-codes.md). */
public final class ExitCode {
    /** The command ran; no finding at or above the --fail-on bar. */
    public static final int OK = 0;
    /** The scan ran; at least one finding at or above the --fail-on bar. */
    public static final int FINDINGS = 1;
    /** Could not run: bad command line, invalid vouch.yaml, exceptions or check definitions. */
    public static final int USAGE = 2;
    /** The scan ran but is incomplete: some source or file could not be read (named in the output). */
    public static final int INCOMPLETE = 3;
    /** Verification ran and failed: the vault or bundle was tampered with or damaged (named in the output). */
    public static final int VERIFY_FAILED = 4;
    /** An internal error (a bug): please report it with the message. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
