package dev.vouch.collect.github;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@link GitHubSource} over the REST API, 100 items per page. */
final class LiveSource implements GitHubSource {
    private final GitHubApi api;

    LiveSource(GitHubApi api) {
        this.api = api;
    }

    @Override public String source() { return "github"; }

    @Override public Fetched owner(String owner) { return api.get("/users/" + seg(owner)); }

    @Override public Fetched organization(String org) { return api.get("/orgs/" + seg(org)); }

    @Override
    public Fetched repositories(String owner, boolean organization) {
        String path = organization ? "/orgs/" + seg(owner) + "/repos?type=all&per_page=100"
                : "/users/" + seg(owner) + "/repos?type=owner&per_page=100";
        return api.getAll(path, page -> true);
    }

    @Override public Fetched repository(String owner, String repo) { return api.get(repoPath(owner, repo)); }

    @Override
    public Fetched protection(String owner, String repo, String branch) {
        return api.get(repoPath(owner, repo) + "/branches/" + seg(branch) + "/protection");
    }

    @Override
    public Fetched branchRules(String owner, String repo, String branch) {
        return api.getAll(repoPath(owner, repo) + "/rules/branches/" + seg(branch) + "?per_page=100", page -> true);
    }

    @Override
    public Fetched vulnerabilityAlerts(String owner, String repo) {
        return api.get(repoPath(owner, repo) + "/vulnerability-alerts");
    }

    @Override
    public Fetched closedPulls(String owner, String repo, String base, Instant since) {
        String path = repoPath(owner, repo) + "/pulls?state=closed&base=" + seg(base)
                + "&sort=updated&direction=desc&per_page=100";
        return api.getAll(path, page -> anyUpdatedSince(page, since));
    }

    @Override
    public Fetched reviews(String owner, String repo, long number) {
        return api.getAll(repoPath(owner, repo) + "/pulls/" + number + "/reviews?per_page=100", page -> true);
    }

    @Override
    public Fetched checkRuns(String owner, String repo, long number, String sha) {
        return api.get(repoPath(owner, repo) + "/commits/" + seg(sha) + "/check-runs?per_page=100");
    }

    /** Sorted by update time, newest first: a page whose items all predate {@code since} ends the walk. */
    static boolean anyUpdatedSince(List<Object> page, Instant since) {
        for (Object item : page) {
            String updated = Json.string(Json.map(item), "updated_at");
            try {
                if (updated.isEmpty() || !Instant.parse(updated).isBefore(since)) {
                    return true;
                }
            } catch (DateTimeParseException e) {
                return true;
            }
        }
        return false;
    }

    private static String repoPath(String owner, String repo) {
        return "/repos/" + seg(owner) + "/" + seg(repo);
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
