package dev.vouch.report.assessment;

import java.util.Objects;

/**
 * The vault's newest signed checkpoint, printed in reports so a reader can check later that the log
 * they are shown extends it ({@code vouch vault consistency}).
 *
 * @param note the checkpoint exactly as signed (C2SP signed note: origin, size, root, signature)
 * @param treeSize entries in the log at that checkpoint
 * @param rootHex the Merkle root, hex
 * @param keyFingerprint {@code SHA256:<base64>} of the vault's public key
 */
public record VaultSeal(String note, long treeSize, String rootHex, String keyFingerprint) {
    public VaultSeal {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(rootHex, "rootHex");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    }
}
