package dev.vouch.collect.git;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vouch.collect.git.GitCollector.Period;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.Repository;

/** Builds the one {@code git.repository} resource of a repository (property list: docs/git.md). */
final class RepositoryFacts {
    static final int MAX_EXAMPLES = 10;
    /** Paths marked unknown when a shallow history ends inside the period. */
    static final List<String> HISTORY_PATHS = List.of("commitsInPeriod", "mergeCommits", "reviewedChanges",
            "directCommits", "reviewedShare", "signedCommits", "signedShare", "authorsInPeriod", "unidentifiedAuthors.count");

    private final Repository repo;
    private final Path path;
    private final Period period;
    private final Origin origin;
    private final Consumer<CollectionError> errors;

    RepositoryFacts(Repository repo, Path path, Period period, Origin origin, Consumer<CollectionError> errors) {
        this.repo = repo;
        this.path = path;
        this.period = period;
        this.origin = origin;
        this.errors = errors;
    }

    Resource build(Instant collectedAt) throws IOException {
        Optional<Remote> remote = Remote.of(repo.getConfig());
        DefaultBranch branch = DefaultBranch.resolve(repo, remote.map(Remote::name));
        String location = remote.map(Remote::url).orElse(absolutePath());
        Resource.Builder b = Resource.builder(GitCollector.TYPE, "git:" + location)
                .name(remote.map(Remote::repositoryName).orElse(directoryName()))
                .provider("git").scope(location).origin(origin).collectedAt(collectedAt);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("defaultBranch", branch.name());
        p.put("defaultBranchSource", branch.how());
        p.put("analysedRef", branch.analysedRef());
        remote.ifPresent(r -> p.put("remoteUrl", r.url()));
        p.put("bare", repo.isBare());
        p.put("shallow", !repo.getObjectDatabase().getShallowCommits().isEmpty());
        p.put("periodStart", period.start().toString());
        p.put("periodEnd", period.end().toString());
        branch.tip().ifPresent(t -> p.put("tipCommit", t.name()));
        History history = branch.tip().isPresent() ? History.read(repo, branch.tip().get(), period) : History.empty();
        changes(history, p);
        signing(history, p);
        authors(history, p);
        if (history.truncated()) {
            HISTORY_PATHS.forEach(x -> b.unknown("properties." + x));
        }
        files(branch, p, b);
        ForcePushes fp = branch.analysedRef().isEmpty() ? ForcePushes.none() : ForcePushes.read(repo, branch, period);
        p.put("forcePushes", forcePushes(fp));
        if (!fp.coversPeriod()) {
            b.unknown("properties.forcePushes.count");
        }
        return b.properties(p).build();
    }

    private static void changes(History h, Map<String, Object> p) {
        List<CommitFacts> fp = h.firstParent();
        long reviewed = fp.stream().filter(CommitFacts::reviewed).count();
        p.put("commitsInPeriod", (long) fp.size());
        p.put("mergeCommits", fp.stream().filter(CommitFacts::merge).count());
        p.put("reviewedChanges", reviewed);
        p.put("directCommits", fp.size() - reviewed);
        p.put("reviewedShare", share(reviewed, fp.size()));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (CommitFacts.ReviewPath rp : CommitFacts.ReviewPath.values()) {
            if (rp != CommitFacts.ReviewPath.NONE) {
                paths.put(rp.key, fp.stream().filter(c -> c.reviewPath() == rp).count());
            }
        }
        p.put("reviewPaths", paths);
        p.put("directCommitExamples", examples(fp.stream().filter(c -> !c.reviewed()).toList()));
        p.put("reachableCommitsInPeriod", (long) h.all().size());
        p.put("lastCommitAt", fp.isEmpty() ? "" : fp.get(0).time().toString());
        p.put("changeList", changeList(fp));
    }

    /**
     * Every change that reached the default branch in the period (its first-parent commits), newest first: the
     * population an auditor samples for change management (vouch sample --population changes).
     */
    private static List<Map<String, Object>> changeList(List<CommitFacts> fp) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CommitFacts c : fp) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sha", c.sha());
            m.put("at", c.time().toString());
            m.put("subject", c.subject());
            m.put("author", c.authorEmail());
            m.put("reviewPath", c.reviewPath().key);
            m.put("reviewed", c.reviewed());
            m.put("signed", c.signed());
            out.add(m);
        }
        return out;
    }

    private static void signing(History h, Map<String, Object> p) {
        List<CommitFacts> fp = h.firstParent();
        long signed = fp.stream().filter(CommitFacts::signed).count();
        p.put("signedCommits", signed);
        p.put("signedShare", share(signed, fp.size()));
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (String kind : List.of("gpg", "ssh", "x509", "unknown")) {
            kinds.put(kind, fp.stream().filter(c -> c.signature().equals(kind)).count());
        }
        p.put("signatureKinds", kinds);
        p.put("unsignedExamples", examples(fp.stream().filter(c -> !c.signed()).toList()));
    }

    private static void authors(History h, Map<String, Object> p) {
        Map<String, Map<String, Object>> byEmail = new LinkedHashMap<>();
        List<CommitFacts> unidentified = new ArrayList<>();
        for (CommitFacts c : h.all()) {
            String key = c.authorEmail().toLowerCase(Locale.ROOT);
            Map<String, Object> a = byEmail.computeIfAbsent(key, k -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", c.authorName());
                m.put("email", c.authorEmail());
                m.put("commits", 0L);
                return m;
            });
            a.put("commits", (Long) a.get("commits") + 1);
            if (!Authors.identified(c.authorName(), c.authorEmail())) {
                unidentified.add(c);
            }
        }
        p.put("authorsInPeriod", (long) byEmail.size());
        p.put("authors", new ArrayList<>(byEmail.values()));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("count", (long) unidentified.size());
        u.put("examples", unidentified.stream().limit(MAX_EXAMPLES)
                .map(c -> c.example() + " <" + c.authorEmail() + ">").toList());
        p.put("unidentifiedAuthors", u);
    }

    private void files(DefaultBranch branch, Map<String, Object> p, Resource.Builder b) throws IOException {
        TreeFiles tree = new TreeFiles(repo, branch.tip());
        p.put("codeowners", RepoFiles.codeowners(tree));
        p.put("ci", RepoFiles.ci(tree));
        try {
            Map<String, Object> bp = BranchProtectionFile.read(tree, branch.name(), new YAMLMapper());
            p.put("branchProtectionFile", bp);
            if (!Boolean.TRUE.equals(bp.get("present"))) {
                b.unknown("properties.branchProtectionFile.defaultBranchProtected");
            }
        } catch (BranchProtectionFile.Malformed e) {
            errors.accept(new CollectionError(new Origin(GitCollector.SOURCE,
                    path + "@" + branch.analysedRef() + ":" + BranchProtectionFile.PATH, 0), e.getMessage()));
            p.put("branchProtectionFile", Map.of("present", true, "path", BranchProtectionFile.PATH));
            b.unknown("properties.branchProtectionFile.defaultBranchProtected");
        }
    }

    private static Map<String, Object> forcePushes(ForcePushes fp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", fp.count());
        m.put("examples", fp.examples());
        fp.reflogSince().ifPresent(t -> m.put("reflogSince", t.toString()));
        m.put("reflogCoversPeriod", fp.coversPeriod());
        return m;
    }

    private static List<String> examples(List<CommitFacts> commits) {
        return commits.stream().limit(MAX_EXAMPLES).map(CommitFacts::example).toList();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    private String absolutePath() {
        return path.toAbsolutePath().normalize().toString();
    }

    private String directoryName() {
        Path name = path.toAbsolutePath().normalize().getFileName();
        String n = name == null ? absolutePath() : name.toString();
        return n.endsWith(".git") && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
    }
}
