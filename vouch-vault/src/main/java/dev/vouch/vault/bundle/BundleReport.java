package dev.vouch.vault.bundle;

import java.util.List;

/**
 * The outcome of {@link BundleVerifier#verify}.
 *
 * @param statements statements found in {@code statements.jsonl}
 * @param blobs blob entries found under {@code blobs/}
 * @param treeSize the size of the bundle's checkpoint (0 when it could not be read)
 * @param problems one sentence per problem, each naming the file (or statement) and the reason
 */
public record BundleReport(int statements, int blobs, long treeSize, List<String> problems) {
    public BundleReport {
        problems = List.copyOf(problems);
    }

    /** True when nothing is wrong: every statement, proof, blob and the checkpoint verified. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
