package dev.vouch.collect.git;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/** One step of a {@code *.gitrepo.yaml} recipe (format: docs/git.md). */
sealed interface RecipeStep {
    int line();

    /** A person as git records one: {@code Name <email>}; the email may be empty. */
    record Ident(String name, String email) {
        String display() {
            return name + " <" + email + ">";
        }
    }

    /** The signature block a commit carries, if any. */
    enum Signing { NONE, GPG, SSH }

    /** Who, when, what and how signed: shared by commit, merge and squash. */
    record Authorship(Ident author, Ident committer, OffsetDateTime date, String message, Signing signing) {
    }

    record Commit(Optional<String> id, Authorship who, Map<String, String> files, int line) implements RecipeStep {
    }

    /** Creates {@code name} at {@code from} (a branch or commit id; empty: the current branch) and switches to it. */
    record Branch(String name, Optional<String> from, int line) implements RecipeStep {
    }

    record Switch(String name, int line) implements RecipeStep {
    }

    /** A merge commit on the current branch with {@code branch}'s tip as second parent. */
    record Merge(Optional<String> id, String branch, Authorship who, int line) implements RecipeStep {
    }

    /** One commit on the current branch holding {@code branch}'s changes, single parent. */
    record Squash(Optional<String> id, String branch, Authorship who, int line) implements RecipeStep {
    }

    /**
     * Rewrites {@code branch} to an older commit ({@code to}: a commit id from the recipe, or
     * {@code back} first-parent steps), as a force push does; later steps build on the rewritten tip.
     *
     * @param trackingMessage the reflog message written on the remote-tracking ref
     */
    record ForcePush(Optional<String> branch, Optional<String> to, int back, OffsetDateTime date, Ident by,
            String trackingMessage, int line) implements RecipeStep {
    }

    /** What a step's fields may be, for validation. */
    Map<String, java.util.Set<String>> FIELDS = Map.of(
            "commit", java.util.Set.of("id", "author", "committer", "date", "message", "files", "signed"),
            "branch", java.util.Set.of("name", "from"),
            "switch", java.util.Set.of("name"),
            "merge", java.util.Set.of("id", "branch", "author", "committer", "date", "message", "signed"),
            "squash", java.util.Set.of("id", "branch", "author", "committer", "date", "message", "signed"),
            "force-push", java.util.Set.of("branch", "to", "back", "date", "by", "message"));
}
