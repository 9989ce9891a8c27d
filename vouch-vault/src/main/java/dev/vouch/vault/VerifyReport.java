package dev.vouch.vault;

import dev.vouch.vault.sign.Checkpoint;
import java.util.List;
import java.util.Optional;

/**
 * What a verification found. {@link #ok()} is true when no problem is an error; warnings (an
 * unacknowledged tail, rebuildable derived files) do not make the vault untrustworthy.
 */
public record VerifyReport(long entries, int checkpoints, long blobsChecked, Optional<Checkpoint> newest,
        List<Problem> problems) {

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public enum Level { ERROR, WARNING }

    /** One finding: where (an entry, a checkpoint file, a blob) and what is wrong. */
    public record Problem(Level level, String where, String message) {
        @Override
        public String toString() {
            return level.name().toLowerCase(java.util.Locale.ROOT) + ": " + where + ": " + message;
        }
    }

    public boolean ok() {
        return problems.stream().noneMatch(p -> p.level() == Level.ERROR);
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.level() == Level.ERROR).toList();
    }
}
