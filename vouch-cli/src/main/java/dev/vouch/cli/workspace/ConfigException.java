package dev.vouch.cli.workspace;

/** A workspace or command-line configuration problem; its message names the file, line and field. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
