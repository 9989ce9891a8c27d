package dev.vouch.collect.github;

import java.time.Instant;

/**
 * Where GitHub API answers come from: the live API or a directory of saved responses. Both give the
 * REST bodies unchanged, so one normalizer ({@link GitHubScan}) serves live and offline scans.
 */
interface GitHubSource {
    /** The Origin source: {@code github} or {@code github-export}. */
    String source();

    /** {@code GET /users/{owner}}: {@code type} is {@code Organization} or {@code User}. */
    Fetched owner(String owner);

    /** {@code GET /orgs/{org}}. */
    Fetched organization(String org);

    /** Every repository of the owner (a list of repository objects). */
    Fetched repositories(String owner, boolean organization);

    /** {@code GET /repos/{owner}/{repo}}. */
    Fetched repository(String owner, String repo);

    /** {@code GET /repos/{owner}/{repo}/branches/{branch}/protection}. */
    Fetched protection(String owner, String repo, String branch);

    /** {@code GET /repos/{owner}/{repo}/rules/branches/{branch}}: active ruleset rules on the branch. */
    Fetched branchRules(String owner, String repo, String branch);

    /** {@code GET /repos/{owner}/{repo}/vulnerability-alerts}: Ok = enabled, Missing = disabled. */
    Fetched vulnerabilityAlerts(String owner, String repo);

    /**
     * Closed pull requests into {@code base}, newest update first; a live source may stop paging once
     * every pull request on a page was last updated before {@code since}.
     */
    Fetched closedPulls(String owner, String repo, String base, Instant since);

    /** {@code GET /repos/{owner}/{repo}/pulls/{number}/reviews}. */
    Fetched reviews(String owner, String repo, long number);

    /** {@code GET /repos/{owner}/{repo}/commits/{sha}/check-runs} for pull request {@code number}'s head. */
    Fetched checkRuns(String owner, String repo, long number, String sha);
}
