package dev.vouch.collect.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoRecipeTest {
    @TempDir
    Path tmp;

    private static final String COMMIT = """
            steps:
              - commit:
                  author: Dana Kim <dana@acme.example>
                  date: 2026-04-02T09:00:00Z
                  message: First
            """;

    Path recipe(String text) throws Exception {
        Path r = tmp.resolve("case.gitrepo.yaml");
        Files.writeString(r, text);
        return r;
    }

    void assertRejected(String text, String... parts) throws Exception {
        Path r = recipe(text);
        assertThatThrownBy(() -> GitRepoRecipe.build(r, tmp.resolve("repo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(r.toString())
                .hasMessageContainingAll(parts);
    }

    @Test
    void unknownFieldsAreNamedWithTheirLine() throws Exception {
        assertRejected(COMMIT + "      sined: true\n", ":6:", "'steps[0].commit.sined'", "unknown field");
        assertRejected("defaultbranch: main\n" + COMMIT, ":1:", "'defaultbranch'");
        assertRejected(COMMIT.replace("  - commit:", "  - rebase:"), ":2:", "unknown step 'rebase'");
    }

    @Test
    void requiredFieldsAndFormatsAreChecked() throws Exception {
        assertRejected(COMMIT.replace("      date: 2026-04-02T09:00:00Z\n", ""), ":3:", "'steps[0].commit.date' is required");
        assertRejected(COMMIT.replace("2026-04-02T09:00:00Z", "2 April 2026"), ":4:", "ISO-8601");
        assertRejected(COMMIT.replace("Dana Kim <dana@acme.example>", "dana"), ":3:", "'Name <email>'");
        assertRejected("steps: []\n", "'steps' is required");
        assertRejected("steps: [\n", "invalid YAML");
    }

    @Test
    void filePathsCannotEscapeTheRepository() throws Exception {
        assertRejected(COMMIT + "      files:\n        ../outside.txt: x\n", ":7:", "must be relative");
        assertRejected(COMMIT + "      files:\n        .git/hooks/post-checkout: x\n", "'.git'");
    }

    @Test
    void stepsThatCannotApplyNameTheirLine() throws Exception {
        assertRejected(COMMIT + """
                  - merge:
                      branch: feature/missing
                      author: Dana Kim <dana@acme.example>
                      date: 2026-04-03T09:00:00Z
                      message: Merge pull request #1 from acme/missing
                """, ":7:", "no branch 'feature/missing'");
        assertRejected(COMMIT + """
                  - force-push:
                      by: Dana Kim <dana@acme.example>
                      date: 2026-04-03T09:00:00Z
                """, "exactly one of 'to'");
    }

    @Test
    void theTargetMustBeEmpty() throws Exception {
        Path r = recipe(COMMIT);
        Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(tmp.resolve("repo/keep.txt"), "x");
        assertThatThrownBy(() -> GitRepoRecipe.build(r, tmp.resolve("repo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not empty");
        assertThat(GitRepoRecipe.build(r, tmp.resolve("fresh"))).isEqualTo(tmp.resolve("fresh"));
        assertThat(tmp.resolve("fresh/.git/HEAD")).hasContent("ref: refs/heads/main");
    }
}
