package dev.vouch.vault;

/** The vault cannot be opened, read or written; the message names the file and the reason. */
public final class VaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
