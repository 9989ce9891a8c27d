package dev.vouch.collect.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCollectorTest {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    static Path recipe(String name) {
        return Path.of("src/test/resources/recipes", name);
    }

    static Map<String, Object> props(Resource r) {
        return r.properties();
    }

    Resource collect(String recipe) {
        Path repo = GitRepoRecipe.build(recipe(recipe), tmp.resolve("repo"));
        Collection c = new GitCollector(CLOCK).collect(repo);
        assertThat(c.errors()).isEmpty();
        assertThat(c.resources()).hasSize(1);
        return c.resources().get(0);
    }

    @Test
    void identifiesTheRepositoryByItsRemote() {
        Resource r = collect("mixed.gitrepo.yaml");
        assertThat(r.type()).isEqualTo("git.repository");
        assertThat(r.id()).isEqualTo("git:https://github.com/acme/payments-api.git");
        assertThat(r.name()).isEqualTo("payments-api");
        assertThat(r.provider()).isEqualTo("git");
        assertThat(r.scope()).isEqualTo("https://github.com/acme/payments-api.git");
        assertThat(r.origin().source()).isEqualTo("git");
        assertThat(r.origin().location()).isEqualTo(tmp.resolve("repo").toString());
        assertThat(r.collectedAt()).isEqualTo(NOW);
        assertThat(props(r)).containsEntry("defaultBranch", "main")
                .containsEntry("defaultBranchSource", "remote-head")
                .containsEntry("analysedRef", "refs/remotes/origin/main")
                .containsEntry("remoteUrl", "https://github.com/acme/payments-api.git")
                .containsEntry("bare", false)
                .containsEntry("shallow", false)
                .containsEntry("periodStart", "2026-04-01T12:00:00Z")
                .containsEntry("periodEnd", "2026-06-30T12:00:00Z");
    }

    @Test
    void countsReviewedAndDirectChangesOnTheFirstParentChain() {
        Resource r = collect("mixed.gitrepo.yaml");
        assertThat(props(r)).containsEntry("commitsInPeriod", 10L)
                .containsEntry("mergeCommits", 7L)
                .containsEntry("reviewedChanges", 8L)
                .containsEntry("directCommits", 2L)
                .containsEntry("reviewedShare", 0.8)
                .containsEntry("reachableCommitsInPeriod", 17L)
                .containsEntry("reviewPaths", Map.of("pull-request-merge", 7L, "squash-merge", 1L, "review-trailer", 0L))
                .containsEntry("lastCommitAt", "2026-06-01T08:00:00Z");
        assertThat((List<?>) props(r).get("directCommitExamples")).hasSize(2)
                .allSatisfy(e -> assertThat((String) e).matches("[0-9a-f]{7} .*"))
                .extracting(e -> ((String) e).substring(8))
                .containsExactly("bump version", "Hotfix timeout");
    }

    @Test
    void countsSignedCommitsByKind() {
        Resource r = collect("mixed.gitrepo.yaml");
        assertThat(props(r)).containsEntry("signedCommits", 8L)
                .containsEntry("signedShare", 0.8)
                .containsEntry("signatureKinds", Map.of("gpg", 8L, "ssh", 0L, "x509", 0L, "unknown", 0L));
        assertThat((List<?>) props(r).get("unsignedExamples")).extracting(e -> ((String) e).substring(8))
                .containsExactly("bump version", "Hotfix timeout");
    }

    @Test
    void listsAuthorsAndFlagsUnidentifiedOnes() {
        Resource r = collect("mixed.gitrepo.yaml");
        assertThat(props(r)).containsEntry("authorsInPeriod", 4L);
        @SuppressWarnings("unchecked")
        Map<String, Object> unidentified = (Map<String, Object>) props(r).get("unidentifiedAuthors");
        assertThat(unidentified).containsEntry("count", 1L);
        assertThat((List<?>) unidentified.get("examples")).singleElement()
                .satisfies(e -> assertThat((String) e).endsWith(" bump version <root@localhost>"));
    }

    @Test
    void readsCodeownersAndCiFromTheDefaultBranchTip() {
        Resource r = collect("mixed.gitrepo.yaml");
        assertThat(props(r).get("codeowners")).isEqualTo(Map.of("present", true, "path", ".github/CODEOWNERS",
                "ruleCount", 2L, "coversAll", true, "owners", List.of("@acme/payments", "@acme/platform")));
        assertThat(props(r).get("ci")).isEqualTo(Map.of("present", true, "systems", List.of("github-actions"),
                "files", List.of(".github/workflows/ci.yml")));
        assertThat(props(r).get("branchProtectionFile")).isEqualTo(Map.of("present", false));
        assertThat(r.unknowns()).containsExactly("properties.branchProtectionFile.defaultBranchProtected");
    }

    @Test
    void aReflogFromTheBranchCreationCoversThePeriodWithoutForcePushes() {
        Resource r = collect("mixed.gitrepo.yaml");
        assertThat(props(r).get("forcePushes")).isEqualTo(Map.of("count", 0L, "examples", List.of(),
                "reflogSince", "2026-01-12T09:00:00Z", "reflogCoversPeriod", true));
    }

    @Test
    void anEmptyPeriodHasZeroCommitsAndFullShares() {
        Path repo = GitRepoRecipe.build(recipe("mixed.gitrepo.yaml"), tmp.resolve("repo"));
        Clock later = Clock.fixed(Instant.parse("2027-06-30T00:00:00Z"), ZoneOffset.UTC);
        Resource r = new GitCollector(later, Duration.ofDays(30)).collect(repo).resources().get(0);
        assertThat(props(r)).containsEntry("commitsInPeriod", 0L).containsEntry("directCommits", 0L)
                .containsEntry("reviewedShare", 1.0).containsEntry("signedShare", 1.0)
                .containsEntry("authorsInPeriod", 0L).containsEntry("lastCommitAt", "");
    }

    @Test
    void anExplicitStartSetsThePeriod() {
        Path repo = GitRepoRecipe.build(recipe("mixed.gitrepo.yaml"), tmp.resolve("repo"));
        Resource r = new GitCollector(CLOCK, Instant.parse("2026-05-01T00:00:00Z")).collect(repo).resources().get(0);
        assertThat(props(r)).containsEntry("periodStart", "2026-05-01T00:00:00Z")
                .containsEntry("commitsInPeriod", 3L).containsEntry("reviewedChanges", 1L);
    }

    @Test
    void rejectsAPathThatIsNoRepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        GitCollector collector = new GitCollector(CLOCK);
        assertThatThrownBy(() -> collector.collect(plain)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(plain.toString());
        assertThatThrownBy(() -> collector.collect(tmp.resolve("missing"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(tmp.resolve("missing").toString());
        assertThat(collector.source()).isEqualTo("git");
    }
}
