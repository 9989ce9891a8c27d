package dev.vouch.collect.git;

import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Reads a local git repository (working tree or bare) and emits one {@code git.repository}
 * resource with change-management facts for the review period (SOC 2 CC8.1). See docs/git.md.
 */
public final class GitCollector implements Collector {
    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(90);
    static final String SOURCE = "git";
    static final String TYPE = "git.repository";

    private final Clock clock;
    private final Optional<Duration> lookback;
    private final Optional<Instant> since;

    /** A collector whose period is the {@link #DEFAULT_LOOKBACK} before the clock's instant. */
    public GitCollector(Clock clock) {
        this(clock, DEFAULT_LOOKBACK);
    }

    /** A collector whose period is {@code lookback} before the clock's instant. */
    public GitCollector(Clock clock, Duration lookback) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("lookback must be positive, was " + lookback);
        }
        this.lookback = Optional.of(lookback);
        this.since = Optional.empty();
    }

    /** A collector whose period runs from {@code since} to the clock's instant. */
    public GitCollector(Clock clock, Instant since) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lookback = Optional.empty();
        this.since = Optional.of(Objects.requireNonNull(since, "since"));
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Collection collect(Path path) {
        Instant end = clock.instant();
        Period period = new Period(since.orElseGet(() -> end.minus(lookback.orElseThrow())).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), end);
        if (period.start().isAfter(end)) {
            throw new IllegalArgumentException("period start " + period.start() + " is after the scan time " + end);
        }
        try (Repository repo = open(path)) {
            List<CollectionError> errors = new ArrayList<>();
            Origin origin = new Origin(SOURCE, path.toString(), 0);
            Resource resource = new RepositoryFacts(repo, path, period, origin, errors::add).build(end);
            return new Collection(List.of(resource), errors);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read git repository " + path + ": " + e.getMessage(), e);
        }
    }

    static Repository open(Path path) {
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("Not a git repository (no such directory): " + path);
        }
        File dir = path.toFile();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (Files.exists(path.resolve(".git"))) {
            builder.setWorkTree(dir);
        } else if (RepositoryCache.FileKey.isGitRepository(dir, FS.DETECTED)) {
            builder.setGitDir(dir).setBare();
        } else {
            throw new IllegalArgumentException("Not a git repository (neither a working tree nor a bare repository): " + path);
        }
        try {
            return builder.build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a readable git repository: " + path + ": " + e.getMessage(), e);
        }
    }

    /** The review period, both ends inclusive. */
    record Period(Instant start, Instant end) {
        boolean contains(Instant t) {
            return !t.isBefore(start) && !t.isAfter(end);
        }
    }
}
