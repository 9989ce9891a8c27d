package dev.vouch.cli;

/**
 * A subcommand that lives in a module assembled above the CLI (the server's {@code vouch serve}); found with
 * {@link java.util.ServiceLoader} so the CLI does not depend on it.
 */
public interface CommandPlugin {
    /** A picocli {@code @Command} object. */
    Object command();
}
