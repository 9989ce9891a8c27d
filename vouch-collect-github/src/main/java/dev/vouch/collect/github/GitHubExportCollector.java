package dev.vouch.collect.github;

import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Reads saved GitHub API responses from a directory (layout in docs/github.md) into the same
 * resources as {@link GitHubCollector}: offline scans, evidence replays and check fixtures.
 */
public final class GitHubExportCollector implements Collector {
    /** The default change window: 90 days, like the local git collector's review period. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final Clock clock;
    private final Duration changeWindow;

    public GitHubExportCollector(Clock clock) {
        this(clock, DEFAULT_WINDOW);
    }

    public GitHubExportCollector(Clock clock, Duration changeWindow) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (changeWindow.isNegative() || changeWindow.isZero()) {
            throw new IllegalArgumentException("changeWindow must be positive, was " + changeWindow);
        }
        this.changeWindow = changeWindow;
    }

    @Override
    public String source() {
        return "github-export";
    }

    @Override
    public Collection collect(Path path) {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("GitHub export must be a directory (org.json, repos/<name>/repo.json …): " + path);
        }
        if (!Files.isDirectory(path.resolve("repos")) && !Files.isRegularFile(path.resolve("org.json"))) {
            throw new IllegalArgumentException("GitHub export " + path + " holds neither org.json nor repos/ (see docs/github.md)");
        }
        ExportSource source = new ExportSource(path);
        return new GitHubScan(source, clock, changeWindow, 1).run(source.ownerLogin(), List.of());
    }
}
