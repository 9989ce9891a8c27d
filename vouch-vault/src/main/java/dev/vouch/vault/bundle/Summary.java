package dev.vouch.vault.bundle;

import java.nio.file.Path;

/**
 * What {@link BundleWriter#export} wrote.
 *
 * @param statements statements in the bundle
 * @param blobs distinct blobs in the bundle
 * @param treeSize size of the checkpoint the bundle's proofs lead to
 * @param file the zip written
 */
public record Summary(int statements, int blobs, long treeSize, Path file) {
}
