package dev.vouch.cli.bench;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.ScoreText;
import dev.vouch.assess.Scorer;
import dev.vouch.assess.type2.FindingSpan;
import dev.vouch.assess.type2.Type2Analyzer;
import dev.vouch.assess.type2.Type2Policy;
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.assess.type2.Type2Text;
import dev.vouch.assess.type2.Window;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.catalog.Control;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.model.Finding;
import dev.vouch.store.FindingInterval;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Measures, in this process, what the history costs once recorded: database size, {@code score --as-of}
 * at several instants and {@code type2} over the whole history. Each measured call does what the
 * command does (open the store, read, compute, render text), so the figures are the command's work
 * without JVM start-up. One warm-up run, then the median of {@code runs}.
 */
public final class HistoryBench {
    private final PrintWriter out;
    private final int runs;

    public HistoryBench(PrintWriter out, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        this.out = out;
        this.runs = runs;
    }

    /** Phase times of one measured call, in nanoseconds, and the size of what it read. */
    record Sample(long open, long query, long compute, long render, int rows, int chars) {
        long total() {
            return open + query + compute + render;
        }
    }

    /**
     * Measures the workspace in {@code dir}: as-of at three instants (a twelfth, half and nearly all the
     * way through its history, each 12 h after a scan) and Type II over the whole history.
     */
    public void run(Path dir) {
        Workspace ws = Workspace.open(dir);
        Set<Category> scope = ws.scope();
        if (dev.vouch.store.Store.isPostgres(ws.database())) {
            throw new IllegalArgumentException(ws.databaseName() + ": the history benchmark measures a SQLite workspace");
        }
        Path db = Path.of(ws.database());
        List<Instant> scans = sizes(db);
        if (scans.isEmpty()) {
            throw new IllegalArgumentException(ws.databaseName() + ": no scan recorded; nothing to measure");
        }
        int n = scans.size();
        for (int i : new int[] {n / 12, n / 2, Math.max(0, n - 5)}) {
            Instant t = scans.get(i).plus(Duration.ofHours(12));
            report("score --as-of " + t, measure(() -> asOf(db, t, scope)));
        }
        String period = LocalDate.ofInstant(scans.get(0), ZoneOffset.UTC) + ".." + LocalDate.ofInstant(scans.get(n - 1), ZoneOffset.UTC);
        report("type2 --period " + period, measure(() -> type2(db, Window.parse(period), scope)));
    }

    private List<Instant> sizes(Path db) {
        long main = size(db);
        long wal = size(db.resolveSibling(db.getFileName() + "-wal"));
        try (Store store = Store.open(db, Clock.systemUTC())) {
            List<ScanSummary> scans = store.scans();
            long intervals = store.intervalCount();
            int perScan = scans.isEmpty() ? 0 : scans.get(scans.size() - 1).findingCount();
            out.printf(Locale.ROOT, "database %s: %,d bytes = %.1f MB (+ %,d bytes WAL); %d scans, %,d interval rows"
                            + " (%,d findings per scan; %.2f rows per (check, resource) pair kept)%n",
                    db, main, main / 1e6, wal, scans.size(), intervals, perScan, perScan == 0 ? 0 : (double) intervals / perScan);
            out.flush();
            return scans.stream().map(ScanSummary::finishedAt).toList();
        }
    }

    /** The first (cold) call, then {@code runs} warm ones. */
    private List<Sample> measure(Supplier<Sample> call) {
        List<Sample> samples = new ArrayList<>();
        samples.add(call.get()); // warm-up: class loading, JIT, SQLite page cache
        for (int i = 0; i < runs; i++) {
            samples.add(call.get());
        }
        return samples;
    }

    /** What {@code vouch score --as-of T} does: open, find the scan, read the state at T, score, render. */
    static Sample asOf(Path db, Instant t, Set<Category> scope) {
        long t0 = System.nanoTime();
        try (Store store = Store.open(db, Clock.systemUTC())) {
            long t1 = System.nanoTime();
            store.scans().stream().filter(x -> !x.finishedAt().isAfter(t)).reduce((x, y) -> y)
                    .orElseThrow(() -> new IllegalStateException(db + ": no scan at or before " + t));
            List<Finding> findings = store.findingsAsOf(t);
            long t2 = System.nanoTime();
            Assessment a = new Scorer(Catalog.loadDefault(), scope, Clock.fixed(t, ZoneOffset.UTC)).score(findings, List.of());
            long t3 = System.nanoTime();
            String text = new ScoreText(10).summary(a);
            long t4 = System.nanoTime();
            return new Sample(t1 - t0, t2 - t1, t3 - t2, t4 - t3, findings.size(), text.length());
        }
    }

    /** What {@code vouch type2 --period P} does: open, read the overlapping intervals, analyze, render. */
    static Sample type2(Path db, Window window, Set<Category> scope) {
        long t0 = System.nanoTime();
        try (Store store = Store.open(db, Clock.systemUTC())) {
            long t1 = System.nanoTime();
            List<Instant> scans = store.scans().stream().map(ScanSummary::finishedAt).toList();
            List<FindingSpan> spans = store.intervalsOverlapping(window.from(), window.to()).stream()
                    .filter(i -> i.validTo().isAfter(i.validFrom()))
                    .map(HistoryBench::span).toList();
            long t2 = System.nanoTime();
            Catalog catalog = Catalog.loadDefault();
            List<Control> controls = catalog.controls().stream()
                    .filter(c -> c.criteria().stream().anyMatch(id -> catalog.criterion(id).map(k -> scope.contains(k.category())).orElse(false)))
                    .toList();
            Type2Report report = new Type2Analyzer(controls, Type2Policy.defaults()).analyze(window, scans, spans, List.of());
            long t3 = System.nanoTime();
            String text = new Type2Text().summary(report);
            long t4 = System.nanoTime();
            return new Sample(t1 - t0, t2 - t1, t3 - t2, t4 - t3, spans.size(), text.length());
        }
    }

    /** The same mapping as {@code Type2Command}: open intervals end at {@link FindingSpan#OPEN}. */
    private static FindingSpan span(FindingInterval i) {
        var f = i.finding();
        return new FindingSpan(f.checkId(), f.resourceId(), f.resourceName(), f.outcome(), f.severity(), i.validFrom(),
                i.isOpen() ? FindingSpan.OPEN : i.validTo());
    }

    private void report(String what, List<Sample> all) {
        Sample cold = all.get(0);
        List<Sample> samples = all.subList(1, all.size());
        out.printf(Locale.ROOT, "%s (%,d rows read, %,d chars out): total %s ms, median of %d [open %s, query %s, compute %s,"
                        + " render %s]; cold first call %.0f ms [open %.0f, query %.0f, compute %.0f, render %.0f]%n",
                what, cold.rows(), cold.chars(), ms(samples, Sample::total), samples.size(), ms(samples, Sample::open),
                ms(samples, Sample::query), ms(samples, Sample::compute), ms(samples, Sample::render), cold.total() / 1e6,
                cold.open() / 1e6, cold.query() / 1e6, cold.compute() / 1e6, cold.render() / 1e6);
        out.flush();
    }

    private static String ms(List<Sample> samples, java.util.function.ToLongFunction<Sample> phase) {
        long[] v = samples.stream().mapToLong(phase).sorted().toArray();
        return String.format(Locale.ROOT, "%.0f", v[v.length / 2] / 1e6);
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + p + ": " + e, e);
        }
    }
}
