package dev.vouch.collect.git;

import static dev.vouch.collect.git.GitCollectorTest.CLOCK;
import static dev.vouch.collect.git.GitCollectorTest.recipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloneAndFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aRealCloneIsReadThroughItsRemoteTrackingRef() throws Exception {
        Path source = GitRepoRecipe.build(recipe("mixed.gitrepo.yaml"), tmp.resolve("payments"));
        Path clone = tmp.resolve("clone");
        Git.cloneRepository().setURI(source.toUri().toString()).setDirectory(clone.toFile()).call().close();
        Resource r = new GitCollector(CLOCK, Instant.parse("2026-01-01T00:00:00Z")).collect(clone).resources().get(0);
        assertThat(r.name()).isEqualTo("payments");
        assertThat(r.properties()).containsEntry("defaultBranch", "main")
                .containsEntry("defaultBranchSource", "main") // JGit's clone writes no refs/remotes/origin/HEAD
                .containsEntry("analysedRef", "refs/remotes/origin/main")
                .containsEntry("commitsInPeriod", 12L).containsEntry("reviewedChanges", 8L)
                .containsEntry("directCommits", 4L);
        // a fresh clone's reflog starts at the clone, so it cannot show rewrites before it
        assertThat(RewriteAndReviewTest.map(r, "forcePushes")).containsEntry("reflogCoversPeriod", false)
                .containsEntry("count", 0L);
        assertThat(r.unknowns()).contains("properties.forcePushes.count");
    }

    @Test
    void aBareRepositoryUsesItsHead() throws Exception {
        Path source = GitRepoRecipe.build(recipe("local-only.gitrepo.yaml"), tmp.resolve("src"));
        Path bare = tmp.resolve("runbooks.git");
        Git.cloneRepository().setURI(source.toUri().toString()).setBare(true).setDirectory(bare.toFile()).call().close();
        try (Repository repo = GitCollector.open(bare)) {
            repo.getConfig().unsetSection("remote", "origin");
            repo.getConfig().save();
        }
        Resource r = new GitCollector(CLOCK).collect(bare).resources().get(0);
        assertThat(r.name()).isEqualTo("runbooks");
        assertThat(r.properties()).containsEntry("bare", true).containsEntry("defaultBranch", "master")
                .containsEntry("defaultBranchSource", "bare-head").containsEntry("analysedRef", "refs/heads/master")
                .containsEntry("commitsInPeriod", 2L);
    }

    @Test
    void aShallowHistoryEndingInsideThePeriodIsUnknown() throws Exception {
        Path dir = GitRepoRecipe.build(recipe("mixed.gitrepo.yaml"), tmp.resolve("repo"));
        try (Repository repo = GitCollector.open(dir)) {
            Files.writeString(dir.resolve(".git/shallow"), repo.resolve("refs/heads/main~3").name() + "\n");
        }
        Resource r = new GitCollector(CLOCK).collect(dir).resources().get(0);
        assertThat(r.properties()).containsEntry("shallow", true).containsEntry("commitsInPeriod", 4L);
        assertThat(r.unknowns()).contains("properties.commitsInPeriod", "properties.directCommits",
                "properties.reviewedShare", "properties.signedShare", "properties.unidentifiedAuthors.count");
    }

    @Test
    void readsBranchProtectionDeclaredInSettingsYml() throws Exception {
        Path r = writeRecipe("""
                  - commit:
                      author: Dana Kim <dana@acme.example>
                      date: 2026-04-02T09:00:00Z
                      message: Declare repository settings
                      files:
                        .gitlab-ci.yml: "test:\\n  script: make test\\n"
                        Jenkinsfile: "pipeline { agent any }\\n"
                        .github/settings.yml: |
                          repository:
                            name: payments-api
                          branches:
                            - name: main
                              protection:
                                required_pull_request_reviews:
                                  required_approving_review_count: 2
                                  require_code_owner_reviews: true
                                required_status_checks:
                                  strict: true
                                  contexts: [ci]
                                enforce_admins: true
                                restrictions: null
                """);
        Resource res = collectOne(r);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("present", true);
        expected.put("path", ".github/settings.yml");
        expected.put("defaultBranchProtected", true);
        expected.put("requiredApprovingReviews", 2L);
        expected.put("requireCodeOwnerReviews", true);
        expected.put("dismissStaleReviews", false);
        expected.put("requiredStatusChecks", true);
        expected.put("enforceAdmins", true);
        expected.put("allowForcePushes", false);
        expected.put("requiredSignatures", false);
        assertThat(res.properties().get("branchProtectionFile")).isEqualTo(expected);
        assertThat(res.unknowns()).doesNotContain("properties.branchProtectionFile.defaultBranchProtected");
        assertThat(res.properties().get("ci")).isEqualTo(Map.of("present", true,
                "systems", List.of("gitlab-ci", "jenkins"), "files", List.of(".gitlab-ci.yml", "Jenkinsfile")));
        assertThat(RewriteAndReviewTest.map(res, "codeowners")).containsEntry("present", false);
    }

    @Test
    void aMalformedSettingsFileIsACollectionErrorNamingFileAndLine() throws Exception {
        Path r = writeRecipe("""
                  - commit:
                      author: Dana Kim <dana@acme.example>
                      date: 2026-04-02T09:00:00Z
                      message: Broken settings
                      files:
                        .github/settings.yml: "branches:\\n  - name: main\\n    protection: {enforce_admins: true\\n"
                """);
        Collection c = new GitCollector(CLOCK).collect(GitRepoRecipe.build(r, tmp.resolve("repo")));
        assertThat(c.errors()).singleElement().satisfies(e -> assertThat(e.display())
                .contains(".github/settings.yml:").contains("refs/remotes/origin/main"));
        assertThat(c.resources().get(0).unknowns()).contains("properties.branchProtectionFile.defaultBranchProtected");
    }

    @Test
    void parsesCodeownersRulesLikeGitHub() {
        Map<String, Object> out = new LinkedHashMap<>();
        RepoFiles.parseCodeowners("""
                # comment
                [Backend] @acme/backend
                /src/   @acme/backend   # inline comment
                docs/
                *.tf    @acme/platform @dana
                """, out);
        assertThat(out).containsEntry("ruleCount", 2L).containsEntry("coversAll", false)
                .containsEntry("owners", List.of("@acme/backend", "@acme/platform", "@dana"));
    }

    @Test
    void remoteUrlsLoseTheirCredentials() {
        assertThat(Remote.sanitize("https://x-access-token:ghp_secret@github.com/acme/api.git"))
                .isEqualTo("https://github.com/acme/api.git");
        assertThat(Remote.sanitize("git@github.com:acme/api.git")).isEqualTo("git@github.com:acme/api.git");
        assertThat(new Remote("origin", "ssh://git@host:2222/team/tool").repositoryName()).isEqualTo("tool");
    }

    @Test
    void authorsWithoutATraceableIdentityAreFlagged() {
        assertThat(Authors.identified("Dana Kim", "dana@acme.example")).isTrue();
        assertThat(Authors.identified("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")).isTrue();
        assertThat(Authors.identified("root", "root@localhost")).isFalse();
        assertThat(Authors.identified("dana", "dana@build-01.(none)")).isFalse();
        assertThat(Authors.identified("Dana", "")).isFalse();
        assertThat(Authors.identified("", "dana@acme.example")).isFalse();
        assertThat(Authors.identified("ubuntu", "ubuntu@ip-10-0-0-1.ec2.internal")).isFalse();
    }

    private Path writeRecipe(String steps) throws Exception {
        Path r = tmp.resolve("case.gitrepo.yaml");
        Files.writeString(r, "defaultBranch: main\nremote: https://github.com/acme/payments-api.git\nsteps:\n" + steps);
        return r;
    }

    private Resource collectOne(Path recipe) {
        Collection c = new GitCollector(CLOCK).collect(GitRepoRecipe.build(recipe, tmp.resolve("repo")));
        assertThat(c.errors()).isEmpty();
        return c.resources().get(0);
    }
}
