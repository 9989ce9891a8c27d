package dev.vouch.vault.blob;

/**
 * A blob could not be stored or read: missing, unreadable, encrypted without a key, failed
 * decryption, or content that does not hash to its address. The message names the blob.
 */
public final class BlobException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BlobException(String message) {
        super(message);
    }

    BlobException(String message, Throwable cause) {
        super(message, cause);
    }
}
