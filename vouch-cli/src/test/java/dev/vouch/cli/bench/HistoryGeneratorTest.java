package dev.vouch.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.assess.type2.Window;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.engine.CheckLoader;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.store.FindingChange;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny synthetic history (10 days x 200 resources, 5 % churn), read back through the store. */
class HistoryGeneratorTest {
    static final HistorySpec TINY = new HistorySpec(10, 200, 0.05, 7);
    static List<CheckInfo> checks;
    static Catalog catalog;

    @TempDir Path tmp;

    @BeforeAll
    static void loadCatalog() {
        checks = new CheckLoader().loadInfoClasspath();
        catalog = Catalog.loadDefault();
    }

    private HistoryGenerator.Generation generate(HistorySpec spec, Path dir) {
        return new HistoryGenerator(spec, checks, catalog).generate(dir, new PrintWriter(new StringWriter()));
    }

    private static <T> T read(Path db, Function<Store, T> f) {
        try (Store store = Store.open(db, Clock.systemUTC())) {
            return f.apply(store);
        }
    }

    @Test
    void recordsOneScanPerDayIntoAWorkspaceDatabase() {
        var g = generate(TINY, tmp.resolve("ws"));
        Workspace ws = Workspace.open(tmp.resolve("ws"));
        assertThat(g.database()).isEqualTo(Path.of(ws.database()));
        List<ScanSummary> scans = read(g.database(), Store::scans);
        assertThat(scans).extracting(ScanSummary::finishedAt).containsExactly(
                Instant.parse("2025-01-01T02:00:00Z"), Instant.parse("2025-01-02T02:00:00Z"), Instant.parse("2025-01-03T02:00:00Z"),
                Instant.parse("2025-01-04T02:00:00Z"), Instant.parse("2025-01-05T02:00:00Z"), Instant.parse("2025-01-06T02:00:00Z"),
                Instant.parse("2025-01-07T02:00:00Z"), Instant.parse("2025-01-08T02:00:00Z"), Instant.parse("2025-01-09T02:00:00Z"),
                Instant.parse("2025-01-10T02:00:00Z"));
        assertThat(scans).extracting(ScanSummary::resourceCount).containsOnly(200);
        assertThat(scans).allSatisfy(s -> assertThat(s.recordedAt()).isEqualTo(s.finishedAt().plusSeconds(30)));
        assertThat(scans).allSatisfy(s -> assertThat(s.count(Outcome.PASS) + s.count(Outcome.FAIL)).isEqualTo(s.findingCount()));
        assertThat(g.findingsPerScan()).isEqualTo(scans.get(9).findingCount());
        assertThat(g.recordNanos()).hasSize(10);
    }

    @Test
    void sameSeedGivesTheSameHistoryAndAnotherSeedDoesNot() {
        Path a = generate(TINY, tmp.resolve("a")).database();
        Path b = generate(TINY, tmp.resolve("b")).database();
        Path c = generate(new HistorySpec(10, 200, 0.05, 8), tmp.resolve("c")).database();
        List<Instant> instants = List.of(Instant.parse("2025-01-01T12:00:00Z"), Instant.parse("2025-01-05T02:00:00Z"),
                Instant.parse("2025-01-10T12:00:00Z"));
        for (Instant t : instants) {
            List<Finding> fa = read(a, s -> s.findingsAsOf(t));
            assertThat(fa).hasSizeGreaterThan(200);
            List<Finding> fb = read(b, s -> s.findingsAsOf(t));
            List<Finding> fc = read(c, s -> s.findingsAsOf(t));
            assertThat(fb).isEqualTo(fa);
            assertThat(fc).isNotEqualTo(fa);
        }
        List<ScanSummary> scansA = read(a, Store::scans);
        List<ScanSummary> scansB = read(b, Store::scans);
        assertThat(scansB).isEqualTo(scansA);
        long intervalsA = read(a, Store::intervalCount);
        long intervalsB = read(b, Store::intervalCount);
        assertThat(intervalsB).isEqualTo(intervalsA);
    }

    @Test
    void eachDayChangesExactlyTheChurnShareOfResources() {
        Path db = generate(TINY, tmp.resolve("ws")).database();
        assertThat(TINY.changesPerDay()).isEqualTo(10);
        for (long scan = 1; scan < 10; scan++) {
            long from = scan;
            List<FindingChange> changes = read(db, s -> s.changesBetween(from, from + 1));
            Set<String> resources = changes.stream().map(FindingChange::resourceId).collect(Collectors.toSet());
            assertThat(resources).as("resources changed between scans %d and %d", from, from + 1).hasSize(10);
            assertThat(changes).filteredOn(ch -> ch instanceof FindingChange.Changed).isNotEmpty();
            assertThat(changes).filteredOn(ch -> ch instanceof FindingChange.Appeared).isNotEmpty();
            assertThat(changes).filteredOn(ch -> ch instanceof FindingChange.Disappeared).isNotEmpty();
        }
    }

    @Test
    void findingsUseMappedCatalogChecksWithTheirSeverityAndType() {
        Path db = generate(TINY, tmp.resolve("ws")).database();
        Map<String, CheckInfo> byId = checks.stream().collect(Collectors.toMap(CheckInfo::id, c -> c));
        List<Finding> findings = read(db, s -> s.findingsAsOf(Instant.parse("2025-01-10T12:00:00Z")));
        Set<String> used = new HashSet<>();
        for (Finding f : findings) {
            CheckInfo c = byId.get(f.checkId());
            assertThat(c).as("check %s is in the catalog", f.checkId()).isNotNull();
            assertThat(catalog.controlsForCheck(f.checkId())).as("controls listing %s", f.checkId()).isNotEmpty();
            assertThat(f.severity()).isEqualTo(c.severity());
            assertThat(f.resourceType()).isEqualTo(c.resourceType());
            assertThat(f.message()).isEqualTo(f.outcome() == Outcome.FAIL ? f.resourceName() + ": not met: " + c.title() : "");
            used.add(f.checkId());
        }
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(findings).extracting(Finding::outcome).contains(Outcome.PASS, Outcome.FAIL)
                .containsOnly(Outcome.PASS, Outcome.FAIL);
        Map<String, Long> perResource = findings.stream().collect(Collectors.groupingBy(Finding::resourceId, Collectors.counting()));
        assertThat(perResource).hasSize(200);
        assertThat(perResource.values()).allSatisfy(n -> assertThat(n).isBetween(1L, 3L));
    }

    @Test
    void refusesToAppendToAnExistingDatabase() {
        generate(new HistorySpec(2, 20, 0.1, 1), tmp.resolve("ws"));
        assertThatThrownBy(() -> generate(new HistorySpec(2, 20, 0.1, 1), tmp.resolve("ws")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vouch.db: already exists");
    }

    @Test
    void rejectsAnImpossibleSpecNamingTheOption() {
        assertThatThrownBy(() -> new HistorySpec(0, 10, 0.1, 1)).hasMessageContaining("--history-days");
        assertThatThrownBy(() -> new HistorySpec(1, 10, 1.5, 1)).hasMessageContaining("--churn").hasMessageContaining("1.5");
    }

    @Test
    void benchCallsReadWhatTheCommandsRead() {
        Path db = generate(TINY, tmp.resolve("ws")).database();
        Set<Category> scope = Workspace.open(tmp.resolve("ws")).scope();
        assertThat(scope).containsExactlyInAnyOrder(Category.SECURITY, Category.AVAILABILITY, Category.CONFIDENTIALITY);
        Instant t = HistoryGenerator.scanTime(4).plus(Duration.ofHours(12));
        var asOf = HistoryBench.asOf(db, t, scope);
        List<Finding> state = read(db, s -> s.findingsAsOf(t));
        assertThat(asOf.rows()).isEqualTo(state.size());
        assertThat(asOf.chars()).isPositive();
        var type2 = HistoryBench.type2(db, Window.parse("2025-01-01..2025-01-10"), scope);
        long intervals = read(db, Store::intervalCount);
        assertThat((long) type2.rows()).isEqualTo(intervals);
        assertThat(type2.chars()).isPositive();
    }

    @Test
    void benchReportsSizesAndTheMeasuredCommandsOfTheHistory() {
        Path db = generate(TINY, tmp.resolve("ws")).database();
        StringWriter text = new StringWriter();
        new HistoryBench(new PrintWriter(text), 1).run(tmp.resolve("ws"));
        long intervals = read(db, Store::intervalCount);
        assertThat(text.toString())
                .contains(String.format(java.util.Locale.ROOT, "10 scans, %,d interval rows", intervals))
                .contains("score --as-of 2025-01-01T14:00:00Z (")
                .contains("score --as-of 2025-01-06T14:00:00Z (")
                .contains(String.format(java.util.Locale.ROOT, "type2 --period 2025-01-01..2025-01-10 (%,d rows read", intervals));
    }
}
