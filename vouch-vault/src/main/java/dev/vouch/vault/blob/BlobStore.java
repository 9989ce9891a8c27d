package dev.vouch.vault.blob;

import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

/**
 * Content-addressed, write-once storage of evidence blobs, addressed by the SHA-256 of their
 * plaintext.
 *
 * <p>The contract is deliberately small so that the filesystem implementation
 * ({@link FileBlobStore}) can be replaced by object storage with immutability (for example an
 * S3 bucket with Object Lock in compliance mode, or Azure Blob Storage with an immutability
 * policy): an implementation only needs to write an object once under its digest, never
 * overwrite it, and read it back. Callers must not assume anything about paths.
 *
 * <p>Storing content whose digest is already present keeps the existing blob (dedupe).
 */
public interface BlobStore {

    /** Stores {@code data} (if not already present) and returns its digest. */
    Digest put(byte[] data);

    /**
     * Stores the stream's content (if not already present) and returns its digest. The stream
     * is read to its end but not closed.
     */
    Digest put(InputStream in);

    /** Whether a blob with this digest is stored. */
    boolean contains(Digest d);

    /**
     * Opens the blob's plaintext. Reading the stream to its end fails with an
     * {@link java.io.IOException} if the content does not hash to {@code d}.
     *
     * @throws BlobException if the blob is missing or cannot be decrypted
     */
    InputStream open(Digest d);

    /**
     * The blob's plaintext, checked against its digest.
     *
     * @throws BlobException if the blob is missing, cannot be decrypted or does not match
     */
    byte[] read(Digest d);

    /** The digests of all stored blobs, in ascending hex order. */
    Stream<Digest> list();

    /**
     * Checks one blob and returns its problems in words (missing, unreadable, digest mismatch
     * "blob sha256:… content hashes to sha256:…", decryption failed, stored unencrypted),
     * or an empty list when the blob is fine.
     */
    List<String> verify(Digest d);
}
