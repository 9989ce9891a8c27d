package dev.vouch.collect.github;

import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Reads an organization's or user's repositories live from the GitHub REST API (docs/github.md):
 * {@code github.organization}, {@code github.repository} (with default-branch protection and
 * rulesets) and {@code github.pull_request} for pull requests merged into the default branch within
 * {@code changeWindow} before the clock's now.
 */
public final class GitHubCollector implements Collector {
    private final Clock clock;
    private final GitHubApi api;
    private final String owner;
    private final List<String> repos;
    private final Duration changeWindow;

    /**
     * @param owner an organization or user login
     * @param repos repository names to scan; empty = every non-archived repository of the owner
     * @param changeWindow how far back merged pull requests are collected (e.g. 90 days)
     */
    public GitHubCollector(Clock clock, GitHubApi api, String owner, List<String> repos, Duration changeWindow) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.api = Objects.requireNonNull(api, "api");
        this.owner = GitHubScan.requireName("owner", owner);
        this.repos = List.copyOf(repos);
        this.repos.forEach(r -> GitHubScan.requireName("repository", r));
        if (changeWindow.isNegative() || changeWindow.isZero()) {
            throw new IllegalArgumentException("changeWindow must be positive, was " + changeWindow);
        }
        this.changeWindow = changeWindow;
    }

    @Override
    public String source() {
        return "github";
    }

    public Collection collect() {
        return new GitHubScan(new LiveSource(api), clock, changeWindow, api.maxConcurrency()).run(owner, repos);
    }

    /** The path is ignored: a live collector reads the API. */
    @Override
    public Collection collect(Path ignored) {
        return collect();
    }
}
