package dev.vouch.assess.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PopulationTest {

    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final Period Q2 = Period.ofDays(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));

    static Resource pr(String repo, long n, String mergedAt, List<String> approvers) {
        Map<String, Object> ci = new LinkedHashMap<>();
        ci.put("conclusion", "success");
        return Resource.builder("github.pull_request", "github:acme/" + repo + "#" + n).name("acme/" + repo + "#" + n)
                .provider("github").scope("github:acme").origin(Origin.of("github-export", "repos/" + repo + "/pulls.json"))
                .collectedAt(NOW).property("repository", "acme/" + repo).property("number", n)
                .property("title", "Change " + n).property("author", "dana").property("merged_at", mergedAt)
                .property("approvedBy", approvers).property("ci", ci).build();
    }

    static Resource repo(String name, String start, String end) {
        return Resource.builder("github.repository", "github:acme/" + name).origin(Origin.of("github-export", name))
                .collectedAt(NOW).property("changeWindow", Map.of("start", start, "end", end)).build();
    }

    @Test
    void changesAreMergedPullRequestsInThePeriodInCanonicalOrder() {
        List<Resource> resources = List.of(
                pr("web", 7, "2026-05-01T10:00:00Z", List.of("luis", "priya")),
                pr("api", 3, "2026-05-01T10:00:00Z", List.of()),
                pr("api", 1, "2026-04-01T00:00:00Z", List.of("luis")),       // on the start: in
                pr("api", 2, "2026-07-01T00:00:00Z", List.of("luis")),       // on the end: out
                pr("api", 0, "2026-03-31T23:59:59Z", List.of("luis")),       // before: out
                repo("api", "2026-04-01T00:00:00Z", "2026-07-01T00:00:00Z"));

        Population p = ChangePopulation.from(resources, Q2);

        assertThat(p.name()).isEqualTo("changes");
        assertThat(p.items()).extracting(PopulationItem::id)
                .containsExactly("github:acme/api#1", "github:acme/api#3", "github:acme/web#7");
        PopulationItem web = p.items().get(2);
        assertThat(web.kind()).isEqualTo("change");
        assertThat(web.at()).isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(web.description()).isEqualTo("acme/web#7 Change 7");
        assertThat(web.attributes()).containsEntry("approvedBy", "luis,priya").containsEntry("author", "dana")
                .containsEntry("number", "7").containsEntry("ci", "success");
        assertThat(p.problems()).isEmpty();
        assertThat(p.source()).isEqualTo("github.pull_request merged and git.repository changes in 2026-04-01T00:00:00Z..2026-07-01T00:00:00Z");
    }

    @Test
    void incompleteWindowsAndUnreadableMergeTimesAreProblemsNotSilentGaps() {
        Population p = ChangePopulation.from(List.of(
                pr("api", 5, "yesterday", List.of()),
                repo("api", "2026-05-01T00:00:00Z", "2026-06-30T12:00:00Z")), Q2);

        assertThat(p.items()).isEmpty();
        assertThat(p.problems()).containsExactly(
                "github:acme/api#5 (repos/api/pulls.json): field 'merged_at' is not an ISO-8601 instant, was 'yesterday'; "
                        + "left out of the population",
                "github:acme/api: pull requests were collected for 2026-05-01T00:00:00Z..2026-06-30T12:00:00Z, which does "
                        + "not cover the period 2026-04-01T00:00:00Z..2026-07-01T00:00:00Z; the change population may be incomplete");
    }

    @Test
    void hiresAndTerminationsComeFromTheRosterByPeriod() {
        Roster roster = RosterCsv.read(new StringReader(RosterCsvTest.HEADER
                + "E10,Old Timer,old@acme.example,2020-01-01,\n"
                + "E11,New Hire,new@acme.example,2026-06-30,\n"
                + "E12,Early Bird,early@acme.example,2026-04-01,2026-05-15\n"
                + "E13,Leaver,leaver@acme.example,2021-03-01,2026-04-30\n"
                + "E14,Next Quarter,nq@acme.example,2026-07-01,\n"
                + "E15,Broken,broken@acme.example,2026-05-01,2026-04-01\n"), "roster.csv");

        Population hires = roster.hires(Q2);
        Population leavers = roster.terminations(Q2);

        assertThat(hires.items()).extracting(PopulationItem::id).containsExactly("E12", "E11");
        assertThat(hires.items().get(1).at()).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
        assertThat(hires.items().get(1).attributes()).containsEntry("email", "new@acme.example").containsEntry("line", "3");
        assertThat(leavers.items()).extracting(PopulationItem::id).containsExactly("E13", "E12");
        assertThat(leavers.items()).extracting(PopulationItem::kind).containsOnly("termination");
        assertThat(hires.problems()).containsExactly(
                "roster.csv: line 7: end_date 2026-04-01 is before start_date 2026-05-01 for employee E15");
        assertThat(hires.source()).isEqualTo("roster roster.csv (start_date in 2026-04-01T00:00:00Z..2026-07-01T00:00:00Z)");
    }

    @Test
    void periodsParseDatesInclusiveAndRejectNonsense() {
        assertThat(Period.parse("2026-04-01..2026-06-30")).isEqualTo(Q2);
        assertThat(Period.parse("2026-04-01T00:00:00Z..2026-04-02T00:00:00Z").to())
                .isEqualTo(Instant.parse("2026-04-02T00:00:00Z"));
        assertThatThrownBy(() -> Period.parse("2026-04-01")).hasMessageContaining("must be FROM..TO");
        assertThatThrownBy(() -> Period.parse("2026-04-01..2026-02-30"))
                .hasMessage("period '2026-04-01..2026-02-30': '2026-02-30' is not an ISO date (YYYY-MM-DD) or instant "
                        + "(YYYY-MM-DDThh:mm:ssZ)");
        assertThatThrownBy(() -> Period.parse("2026-04-01..2026-03-01")).hasMessageContaining("must be after its start");
    }

    @Test
    void duplicateIdsInAPopulationAreRejected() {
        PopulationItem a = new PopulationItem("x", "change", NOW, "a", Map.of());
        assertThatThrownBy(() -> new Population("changes", List.of(a, a), "test"))
                .hasMessage("population 'changes' (test): duplicate item id 'x'");
    }

    static Map<String, Object> commit(String sha, String at, boolean reviewed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha", sha);
        m.put("at", at);
        m.put("subject", "Change " + sha);
        m.put("author", "dana@acme.example");
        m.put("reviewPath", reviewed ? "pull-request-merge" : "none");
        m.put("reviewed", reviewed);
        m.put("signed", false);
        return m;
    }

    @Test
    void aLocalRepositorysChangesToItsDefaultBranchArePartOfThePopulation() {
        Resource git = Resource.builder("git.repository", "git:repos/api").name("api").provider("git")
                .origin(Origin.of("git", "repos/api")).collectedAt(NOW)
                .property("periodStart", "2026-04-15T00:00:00Z").property("periodEnd", "2026-06-30T12:00:00Z")
                .property("changeList", List.of(
                        commit("c3c3c3c3c3c3c3c3", "2026-06-01T09:00:00Z", true),
                        commit("b2b2b2b2b2b2b2b2", "2026-05-01T09:00:00Z", false),
                        commit("a1a1a1a1a1a1a1a1", "2026-03-01T09:00:00Z", true),   // before the period: out
                        commit("d4d4d4d4d4d4d4d4", "not a time", true)))             // named, left out
                .build();
        Population p = ChangePopulation.from(List.of(git, pr("web", 7, "2026-05-02T10:00:00Z", List.of("luis"))), Q2);
        assertThat(p.items()).extracting(PopulationItem::id)
                .containsExactly("git:repos/api@b2b2b2b2b2b2b2b2", "github:acme/web#7", "git:repos/api@c3c3c3c3c3c3c3c3");
        assertThat(p.items().get(0).attributes()).containsEntry("reviewed", "false").containsEntry("repository", "api")
                .containsEntry("author", "dana@acme.example");
        assertThat(p.items().get(0).description()).isEqualTo("api b2b2b2b2b2b2 Change b2b2b2b2b2b2b2b2");
        Resource old = Resource.builder("git.repository", "git:repos/web").name("web").provider("git")
                .origin(Origin.of("git", "repos/web")).collectedAt(NOW).build();
        assertThat(ChangePopulation.from(List.of(old), Q2).problems()).singleElement().asString()
                .contains("git:repos/web", "no 'changeList'");
        assertThat(p.problems()).anySatisfy(x -> assertThat(x).contains("d4d4d4d4d4d4d4d4", "left out"))
                .anySatisfy(x -> assertThat(x).contains("does not cover the period")); // history read from 04-15 only
    }
}
