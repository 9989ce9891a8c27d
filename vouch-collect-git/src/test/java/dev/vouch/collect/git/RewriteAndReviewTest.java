package dev.vouch.collect.git;

import static dev.vouch.collect.git.GitCollectorTest.CLOCK;
import static dev.vouch.collect.git.GitCollectorTest.recipe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RewriteAndReviewTest {
    @TempDir
    Path tmp;

    Resource collect(String name) {
        Path repo = GitRepoRecipe.build(recipe(name), tmp.resolve("repo"));
        return new GitCollector(CLOCK).collect(repo).resources().get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Resource r, String key) {
        return (Map<String, Object>) r.properties().get(key);
    }

    @Test
    void aForcedUpdateOfTheRemoteTrackingRefIsOneRewrite() {
        Resource r = collect("rewrites.gitrepo.yaml");
        Map<String, Object> fp = map(r, "forcePushes");
        assertThat(fp).containsEntry("count", 1L).containsEntry("reflogCoversPeriod", true)
                .containsEntry("reflogSince", "2026-03-02T09:00:00Z");
        assertThat((List<?>) fp.get("examples")).singleElement().satisfies(e -> assertThat((String) e)
                .matches("2026-04-11T18:02:00Z refs/remotes/origin/main [0-9a-f]{7}\\.\\.[0-9a-f]{7} fetch: forced-update"));
        assertThat(r.unknowns()).doesNotContain("properties.forcePushes.count");
    }

    @Test
    void discardedCommitsLeaveTheHistoryAndTrailersCountAsReview() {
        Resource r = collect("rewrites.gitrepo.yaml");
        assertThat(r.name()).isEqualTo("ledger");
        assertThat(r.properties()).containsEntry("remoteUrl", "git@github.com:acme/ledger.git")
                .containsEntry("commitsInPeriod", 2L).containsEntry("reviewedChanges", 2L)
                .containsEntry("directCommits", 0L).containsEntry("reviewedShare", 1.0)
                .containsEntry("reviewPaths", Map.of("pull-request-merge", 0L, "squash-merge", 0L, "review-trailer", 2L));
    }

    @Test
    void sshSignaturesAreCountedAsSigned() {
        Resource r = collect("rewrites.gitrepo.yaml");
        assertThat(r.properties()).containsEntry("signedCommits", 2L).containsEntry("signedShare", 1.0)
                .containsEntry("signatureKinds", Map.of("gpg", 0L, "ssh", 2L, "x509", 0L, "unknown", 0L))
                .containsEntry("unsignedExamples", List.of());
    }

    @Test
    void aRewriteIsFoundByAncestryWhenTheMessageSaysNothing() throws IOException {
        Path source = tmp.resolve("rewrites-by-push.gitrepo.yaml");
        Files.writeString(source, Files.readString(recipe("rewrites.gitrepo.yaml"))
                .replace("      date: 2026-04-11T18:02:00Z\n", "      date: 2026-04-11T18:02:00Z\n      message: update by push\n"));
        Path repo = GitRepoRecipe.build(source, tmp.resolve("repo"));
        Map<String, Object> fp = map(new GitCollector(CLOCK).collect(repo).resources().get(0), "forcePushes");
        assertThat(fp).containsEntry("count", 1L);
        assertThat((List<?>) fp.get("examples")).singleElement()
                .satisfies(e -> assertThat((String) e).endsWith(" update by push"));
    }

    @Test
    void withoutARemoteTheLocalBranchIsTheRecord() {
        Resource r = collect("local-only.gitrepo.yaml");
        assertThat(r.id()).isEqualTo("git:" + tmp.resolve("repo").toAbsolutePath());
        assertThat(r.name()).isEqualTo("repo");
        assertThat(r.scope()).isEqualTo(tmp.resolve("repo").toAbsolutePath().toString());
        assertThat(r.properties()).doesNotContainKey("remoteUrl")
                .containsEntry("defaultBranch", "master").containsEntry("defaultBranchSource", "master")
                .containsEntry("analysedRef", "refs/heads/master")
                .containsEntry("commitsInPeriod", 2L).containsEntry("directCommits", 2L)
                .containsEntry("reviewedShare", 0.0);
        Map<String, Object> fp = map(r, "forcePushes");
        assertThat(fp).containsEntry("count", 1L).containsEntry("reflogCoversPeriod", true);
        assertThat((List<?>) fp.get("examples")).singleElement()
                .satisfies(e -> assertThat((String) e).contains("refs/heads/master").contains("reset: moving to"));
    }

    @Test
    void rewritesBeforeThePeriodAreNotCounted() {
        Path repo = GitRepoRecipe.build(recipe("rewrites.gitrepo.yaml"), tmp.resolve("repo"));
        Resource r = new GitCollector(CLOCK, Instant.parse("2026-04-15T00:00:00Z")).collect(repo).resources().get(0);
        assertThat(map(r, "forcePushes")).containsEntry("count", 0L).containsEntry("reflogCoversPeriod", true);
        assertThat(r.properties()).containsEntry("commitsInPeriod", 1L);
    }

    @Test
    void signedCommitsCarryARealGpgsigHeader() throws IOException {
        Path dir = GitRepoRecipe.build(recipe("mixed.gitrepo.yaml"), tmp.resolve("repo"));
        try (Repository repo = GitCollector.open(dir); RevWalk walk = new RevWalk(repo)) {
            RevCommit root = walk.parseCommit(repo.resolve("refs/heads/main~11"));
            String raw = new String(root.getRawBuffer(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(raw).contains("\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n ")
                    .containsPattern("\n =[A-Za-z0-9+/]{4}\n -----END PGP SIGNATURE-----\n");
            RevCommit feature = walk.parseCommit(repo.resolve("refs/heads/feature/change-1"));
            assertThat(CommitFacts.signatureKind(feature.getRawGpgSignature())).isEqualTo("ssh");
            assertThat(new String(feature.getRawGpgSignature(), java.nio.charset.StandardCharsets.US_ASCII))
                    .startsWith("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH");
            assertThat(repo.exactRef(Constants.HEAD).getTarget().getName()).isEqualTo("refs/heads/main");
        }
    }

    @Test
    void theSameRecipeGivesTheSameCommits() throws IOException {
        Path a = GitRepoRecipe.build(recipe("mixed.gitrepo.yaml"), tmp.resolve("a"));
        Path b = GitRepoRecipe.build(recipe("mixed.gitrepo.yaml"), tmp.resolve("b"));
        try (Repository ra = GitCollector.open(a); Repository rb = GitCollector.open(b)) {
            assertThat(ra.resolve("refs/heads/main")).isEqualTo(rb.resolve("refs/heads/main"));
            assertThat(Files.readString(a.resolve(".git/logs/refs/remotes/origin/main")))
                    .isEqualTo(Files.readString(b.resolve(".git/logs/refs/remotes/origin/main")));
        }
        assertThat(a.resolve("README.md")).hasContent("# payments-api\nCard and ACH payment intake for the Acme storefront.");
        assertThat(a.resolve("VERSION")).hasContent("1.4.2");
    }
}
