package dev.vouch.cli.scan;

import dev.vouch.cli.workspace.SourceSpec;
import dev.vouch.collect.Collector;
import dev.vouch.engine.Check;
import dev.vouch.engine.Engine;
import dev.vouch.engine.ExceptionRule;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.ScanResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects every source, evaluates every check, applies exceptions. A source that cannot be read
 * becomes a collection error (the scan is then incomplete) and the other sources are still scanned.
 */
public final class Scanner {
    private final SourceRegistry sources;
    private final Engine engine;
    private final List<Check> checks;
    private final Clock clock;
    private final Consumer<String> progress;

    public Scanner(SourceRegistry sources, List<Check> checks, Clock clock, Consumer<String> progress) {
        this.sources = sources;
        this.checks = List.copyOf(checks);
        this.engine = new Engine(checks, clock);
        this.clock = clock;
        this.progress = progress;
    }

    /** A scan's result and the normalized resources it saw (for the vault's snapshot). */
    public record Outcome(ScanResult result, List<dev.vouch.model.Resource> resources) {
    }

    public ScanResult scan(List<SourceSpec> specs, List<ExceptionRule> exceptions) {
        return scanWithResources(specs, exceptions).result();
    }

    public Outcome scanWithResources(List<SourceSpec> specs, List<ExceptionRule> exceptions) {
        Instant started = clock.instant();
        Collection all = Collection.empty();
        List<String> names = new ArrayList<>();
        for (SourceSpec spec : specs) {
            names.add(spec.display());
            long t0 = System.nanoTime();
            Collection c = collect(spec);
            progress.accept(String.format("collected %-13s %6d resources%s  %s (%d ms)", spec.kind().label(),
                    c.resources().size(), c.errors().isEmpty() ? "" : ", " + c.errors().size() + " errors",
                    spec.path(), Duration.ofNanos(System.nanoTime() - t0).toMillis()));
            all = all.plus(c);
        }
        long t0 = System.nanoTime();
        Engine.Evaluation eval = engine.evaluate(all.resources(), exceptions);
        progress.accept(String.format("evaluated %d checks over %d resources: %d findings (%d ms)", checks.size(),
                all.resources().size(), eval.findings().size(), Duration.ofNanos(System.nanoTime() - t0).toMillis()));
        return new Outcome(new ScanResult(started, clock.instant(), names, all.resources().size(), eval.findings(), all.errors(),
                eval.notices(), checks.stream().map(Check::info).toList()), all.resources());
    }

    private Collection collect(SourceSpec spec) {
        try {
            Collector collector = sources.collector(spec.kind());
            Collection c = collector.collect(sources.prepare(spec));
            return switch (spec.kind()) {
                case HOST, GIT, AZURE, ENTRA, GITHUB, AWS -> c;
                default -> rebase(c, spec.path());
            };
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return failed(spec, e.getMessage());
        } catch (RuntimeException e) {
            return failed(spec, "internal error in the " + spec.kind().label() + " collector: " + e);
        }
    }

    /** File origins become paths as the user would type them (relative to the working directory), for SARIF and editors. */
    static Collection rebase(Collection c, java.nio.file.Path root) {
        java.nio.file.Path base = java.nio.file.Files.isRegularFile(root) ? root.getParent() : root;
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        List<dev.vouch.model.Resource> out = new ArrayList<>(c.resources().size());
        java.util.Map<String, Origin> cache = new java.util.HashMap<>();
        for (dev.vouch.model.Resource r : c.resources()) {
            Origin o = r.origin();
            Origin n = cache.computeIfAbsent(o.location() + "\u0000" + o.line(), k -> rebase(o, base, cwd));
            out.add(n.equals(o) ? r : new dev.vouch.model.Resource(r.type(), r.id(), r.name(), r.provider(), r.scope(),
                    r.location(), r.tags(), r.properties(), r.attributes(), n, r.collectedAt(), r.unknowns(), r.errors()));
        }
        List<CollectionError> errors = c.errors().stream()
                .map(e -> new CollectionError(rebase(e.origin(), base, cwd), e.message())).toList();
        return new Collection(out, errors);
    }

    private static Origin rebase(Origin o, java.nio.file.Path base, java.nio.file.Path cwd) {
        if (base == null || o.location().contains("://")) {
            return o;
        }
        java.nio.file.Path p = base.resolve(o.location()).toAbsolutePath().normalize();
        String shown = p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
        return new Origin(o.source(), shown, o.line());
    }

    private static Collection failed(SourceSpec spec, String message) {
        return new Collection(List.of(), List.of(new CollectionError(Origin.of(spec.kind().label(), spec.path().toString()),
                message == null ? "could not be read" : message)));
    }
}
