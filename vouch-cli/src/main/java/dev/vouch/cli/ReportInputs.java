package dev.vouch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.assess.Assessment;
import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.Scorer;
import dev.vouch.assess.sample.CheckpointRoot;
import dev.vouch.assess.sample.Population;
import dev.vouch.assess.sample.SampleSizes;
import dev.vouch.assess.sample.Sampler;
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.catalog.Control;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.engine.Check;
import dev.vouch.engine.CheckLoader;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.report.assessment.EvidenceEntry;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.ScanRef;
import dev.vouch.report.assessment.TrendPoint;
import dev.vouch.report.assessment.Type2Model;
import dev.vouch.report.assessment.VaultSeal;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import dev.vouch.vault.merkle.Rfc6962;
import dev.vouch.vault.sign.SignedCheckpoint;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Gathers what a report shows from the workspace: store (scans, findings, history) and vault (evidence, seal). */
public final class ReportInputs {
    /** At most this many scans are scored for the trend line (evenly spaced, first and last included). */
    static final int TREND_POINTS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportInputs() {
    }

    /** The readiness model of the latest scan, or of the scan in force at {@code asOf}. */
    public static ReadinessModel readiness(Workspace ws, Optional<Instant> asOf, Instant now) {
        requireHistory(ws);
        Instant at = asOf.orElse(now);
        Set<Category> scope = ws.scope();
        Catalog catalog = Catalog.loadDefault();
        // the check descriptions are read from YAML while the store is queried and scored (two cores)
        java.util.concurrent.CompletableFuture<Map<String, CheckInfo>> checks =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> checks(ws));
        // the vault's log is read once: the index shown in the report, and the manual evidence scored
        VaultView vault = vault(ws);
        List<EvidenceEntry> index = vault.until(at);
        List<EvidenceItem> evidence = ScoreCommand.manual(index);
        try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
            List<ScanSummary> scans = store.scans().stream().filter(s -> !s.finishedAt().isAfter(at)).toList();
            if (scans.isEmpty()) {
                throw new ConfigException(ws.databaseName() + ": no scan recorded at or before " + at);
            }
            ScanSummary scan = scans.get(scans.size() - 1);
            List<Finding> findings = asOf.isPresent() ? store.findingsAsOf(at) : store.findingsAtScan(scan.id());
            Assessment a = new Scorer(catalog, scope, Clock.fixed(at, ZoneOffset.UTC)).score(findings, evidence);
            List<TrendPoint> trend = trend(store, scans, catalog, scope, evidence);
            ScanRef ref = new ScanRef(scan.id(), scan.finishedAt(), scan.sources(), scan.resourceCount());
            return new ReadinessModel(ws.organization(), at, ref, a, trend, join(checks), findings,
                    index, vault.seal());
        }
    }

    /** The overall score at up to {@link #TREND_POINTS} evenly spaced scans (each as {@code vouch history} shows it). */
    private static List<TrendPoint> trend(Store store, List<ScanSummary> scans, Catalog catalog, Set<Category> scope,
            List<EvidenceItem> evidence) {
        List<ScanSummary> points = evenly(scans, TREND_POINTS);
        List<Double> scores = ScoreWalk.scores(store, points, catalog, scope, evidence, null);
        List<TrendPoint> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(new TrendPoint(points.get(i).id(), points.get(i).finishedAt(), scores.get(i)));
        }
        return out;
    }

    /** At most {@code n} items, evenly spaced, the first and the last always included. */
    static <T> List<T> evenly(List<T> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (n - 1))));
        }
        return out;
    }

    /** The Type II model, with the samples asked for ({@code CONTROL=changes|hires|terminations}). */
    static Type2Model type2(Workspace ws, String period, Optional<Path> checkpoint, List<String> samples, Path roster, Instant now)
            throws IOException {
        Catalog catalog = Catalog.loadDefault();
        VaultView vault = vault(ws);
        Type2Report report = Type2Command.analyze(ws, period, catalog, ScoreCommand.manual(vault.index()));
        WorkspaceVault wv = new WorkspaceVault(ws);
        List<Type2Model.SampleSet> sets = new ArrayList<>();
        if (!samples.isEmpty()) {
            Path file = checkpoint.orElseThrow(() -> new ConfigException("--sample needs --checkpoint FILE (a checkpoint signed by "
                    + "this vault, e.g. vouch vault checkpoint > held.txt): its root seeds the selection"));
            String note = Files.readString(file, StandardCharsets.UTF_8);
            var verified = VaultCommand.verifyHeld(note, file, wv);
            if (!verified.valid()) {
                throw new ConfigException(file + ": not a checkpoint signed by this vault: " + verified.reason());
            }
            CheckpointRoot root = CheckpointRoot.parse(note, file.toString());
            dev.vouch.assess.sample.Period p = new dev.vouch.assess.sample.Period(report.window().from(), report.window().to());
            for (String spec : samples) {
                String[] parts = spec.split("=", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new ConfigException("--sample '" + spec + "': expected CONTROL=POPULATION, e.g. VC-CHG-01=changes");
                }
                Control control = catalog.control(parts[0].trim().toUpperCase(Locale.ROOT)).orElseThrow(() ->
                        new ConfigException("--sample '" + spec + "': no control '" + parts[0].trim() + "' (see vouch controls list)"));
                Population pop = SampleCommand.population(parts[1].trim(), wv, p, roster);
                sets.add(new Type2Model.SampleSet(new Sampler(SampleSizes.standard()).sample(control.id(), control.frequency(), pop, root),
                        pop.problems()));
            }
        }
        return new Type2Model(ws.organization(), now, report, sets, vault.until(report.window().to().isAfter(now) ? now
                : report.window().to()), vault.seal(), missedScans(ws, report, now));
    }

    /** Scheduled scans that did not run in the window (none when the workspace has no schedule or no ledger yet). */
    static List<Type2Model.MissedScan> missedScans(Workspace ws, Type2Report report, Instant now) {
        var schedule = ws.schedule();
        if (schedule.isEmpty()) {
            return List.of();
        }
        var ledger = dev.vouch.schedule.RunLedger.forWorkspace(ws.dir(), Clock.systemUTC());
        java.util.Optional<dev.vouch.schedule.LedgerState> state;
        try {
            state = ledger.read();
        } catch (dev.vouch.schedule.LedgerCorruptException e) {
            throw new ConfigException(e.getMessage() + " (vouch schedule run sets it aside and starts a new one)");
        }
        if (state.isEmpty()) {
            return List.of();
        }
        Instant to = report.window().to().isAfter(now) ? now : report.window().to();
        if (!to.isAfter(report.window().from())) {
            return List.of();
        }
        return dev.vouch.schedule.MissedRuns.between(schedule.get(), state.get(), report.window().from(), to).stream()
                .map(g -> new Type2Model.MissedScan(g.from(), g.to(), g.missedSlots(),
                        g.reason().wireName()))
                .toList();
    }

    private static void requireHistory(Workspace ws) {
        if (!ws.hasDatabase()) {
            throw new ConfigException(ws.databaseName() + ": no scan recorded yet; run 'vouch scan " + ws.dir() + "' first");
        }
    }

    /** The future's value; a failure is rethrown as it was thrown (so its message reaches the user unchanged). */
    static <T> T join(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The checks' descriptions (titles, remediation), bundled plus the workspace's own; expressions not compiled. */
    public static Map<String, CheckInfo> checks(Workspace ws) {
        Map<String, CheckInfo> out = new HashMap<>();
        CheckLoader loader = new CheckLoader();
        for (CheckInfo c : loader.loadInfoClasspath()) {
            out.put(c.id(), c);
        }
        for (Path dir : ws.checkDirs()) {
            for (Check c : loader.loadDirectory(dir)) {
                out.putIfAbsent(c.id(), c.info());
            }
        }
        return out;
    }


    /**
     * What reports need of the vault, read with one opening of it: every statement as an index entry (log order)
     * and the newest signed checkpoint.
     */
    public record VaultView(List<EvidenceEntry> index, Optional<VaultSeal> seal) {
        /** The entries recorded by {@code until}. */
        public List<EvidenceEntry> until(Instant until) {
            return index.stream().filter(e -> !e.recordedAt().isAfter(until)).toList();
        }
    }

    public static VaultView vault(Workspace ws) {
        WorkspaceVault wv = new WorkspaceVault(ws);
        List<EvidenceEntry> out = new ArrayList<>();
        if (!wv.hasKeys()) {
            return new VaultView(out, Optional.empty());
        }
        dev.vouch.vault.Vault vault = EvidenceCommand.vault(wv);
        vault.forEachStatement((line, seq) -> entry(line, seq).ifPresent(out::add));
        Optional<VaultSeal> seal = vault.newestCheckpoint().map(note -> {
            var c = SignedCheckpoint.parse(note);
            return new VaultSeal(note, c.size(), Rfc6962.hex(c.root()), VaultKeys.fingerprint(VaultKeys.loadPublic(wv.publicKey())));
        });
        return new VaultView(out, seal);
    }

    /** One statement as an index entry; empty for a line Vouch did not write ('vouch vault verify' names those). */
    private static Optional<EvidenceEntry> entry(byte[] line, long seq) {
        JsonNode n;
        Instant time;
        try {
            n = JSON.readTree(line);
            time = Instant.parse(n.path("time").asText());
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        if (n.path("kind").asText().startsWith("audit.")) {
            return Optional.empty(); // the server's own audit trail: in the vault, not in the evidence index
        }
        List<String> controls = new ArrayList<>();
        n.path("scope").path("controls").forEach(c -> controls.add(c.asText()));
        return Optional.of(new EvidenceEntry(seq, n.path("kind").asText(), n.path("name").asText(""), n.path("digest").asText(), time,
                Instant.parse(n.path("covers").path("from").asText(time.toString())),
                Instant.parse(n.path("covers").path("to").asText(time.toString())), controls));
    }
}
