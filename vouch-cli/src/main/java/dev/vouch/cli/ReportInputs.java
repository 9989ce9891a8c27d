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
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.report.assessment.EvidenceEntry;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.ScanRef;
import dev.vouch.report.assessment.TrendPoint;
import dev.vouch.report.assessment.Type2Model;
import dev.vouch.report.assessment.VaultSeal;
import dev.vouch.store.FindingChange;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Gathers what a report shows from the workspace: store (scans, findings, history) and vault (evidence, seal). */
final class ReportInputs {
    /** At most this many scans are scored for the trend line (evenly spaced, first and last included). */
    static final int TREND_POINTS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportInputs() {
    }

    /** The readiness model of the latest scan, or of the scan in force at {@code asOf}. */
    static ReadinessModel readiness(Workspace ws, Optional<Instant> asOf, Instant now) {
        requireHistory(ws);
        Instant at = asOf.orElse(now);
        Set<Category> scope = ScoreCommand.scope(ws);
        Catalog catalog = Catalog.loadDefault();
        List<EvidenceItem> evidence = ScoreCommand.evidence(ws).stream().filter(e -> !e.recordedAt().isAfter(at)).toList();
        try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
            List<ScanSummary> scans = store.scans().stream().filter(s -> !s.finishedAt().isAfter(at)).toList();
            if (scans.isEmpty()) {
                throw new ConfigException(ws.database() + ": no scan recorded at or before " + at);
            }
            ScanSummary scan = scans.get(scans.size() - 1);
            List<Finding> findings = asOf.isPresent() ? store.findingsAsOf(at) : store.findingsAtScan(scan.id());
            Assessment a = new Scorer(catalog, scope, Clock.fixed(at, ZoneOffset.UTC)).score(findings, evidence);
            List<TrendPoint> trend = trend(store, scans, catalog, scope, evidence, findings, a);
            ScanRef ref = new ScanRef(scan.id(), scan.finishedAt(), scan.sources(), scan.resourceCount());
            return new ReadinessModel(ws.organization(), at, ref, a, trend, checks(ws), findings,
                    evidenceIndex(ws, at), seal(ws));
        }
    }

    /**
     * The overall score at up to {@link #TREND_POINTS} scans. The findings of each are rebuilt from the previous
     * point's by applying the recorded changes between them (cost grows with churn, not with estate size).
     */
    private static List<TrendPoint> trend(Store store, List<ScanSummary> scans, Catalog catalog, Set<Category> scope,
            List<EvidenceItem> evidence, List<Finding> latestFindings, Assessment latest) {
        List<ScanSummary> points = evenly(scans, TREND_POINTS);
        List<TrendPoint> out = new ArrayList<>();
        Map<String, Finding> state = null;
        ScanSummary previous = null;
        for (ScanSummary s : points) {
            if (s == scans.get(scans.size() - 1)) {
                out.add(new TrendPoint(s.id(), s.finishedAt(), latest.overall()));
                continue;
            }
            if (state == null) {
                state = new LinkedHashMap<>();
                for (Finding f : store.findingsAtScan(s.id())) {
                    state.put(key(f.checkId(), f.resourceId()), f);
                }
            } else {
                for (FindingChange c : store.changesBetween(previous.id(), s.id())) {
                    String k = key(c.checkId(), c.resourceId());
                    if (c instanceof FindingChange.Appeared ap) {
                        state.put(k, ap.now());
                    } else if (c instanceof FindingChange.Changed ch) {
                        state.put(k, ch.now());
                    } else {
                        state.remove(k);
                    }
                }
            }
            previous = s;
            Instant t = s.finishedAt();
            Assessment a = new Scorer(catalog, scope, Clock.fixed(t, ZoneOffset.UTC)).score(new ArrayList<>(state.values()),
                    evidence.stream().filter(e -> !e.recordedAt().isAfter(t)).toList());
            out.add(new TrendPoint(s.id(), t, a.overall()));
        }
        return out;
    }

    private static String key(String check, String resource) {
        return check + "\u0000" + resource;
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
        Type2Report report = Type2Command.analyze(ws, period);
        WorkspaceVault wv = new WorkspaceVault(ws);
        List<Type2Model.SampleSet> sets = new ArrayList<>();
        if (!samples.isEmpty()) {
            Path file = checkpoint.orElseThrow(() -> new ConfigException("--sample needs --checkpoint FILE (a checkpoint signed by "
                    + "this vault, e.g. vouch vault checkpoint > held.txt): its root seeds the selection"));
            String note = Files.readString(file, StandardCharsets.UTF_8);
            var verified = SignedCheckpoint.verify(note, VaultCommand.publicKey(wv, null));
            if (!verified.valid()) {
                throw new ConfigException(file + ": not a checkpoint signed by this vault: " + verified.reason());
            }
            CheckpointRoot root = CheckpointRoot.parse(note, file.toString());
            dev.vouch.assess.sample.Period p = new dev.vouch.assess.sample.Period(report.window().from(), report.window().to());
            Catalog catalog = Catalog.loadDefault();
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
        return new Type2Model(ws.organization(), now, report, sets, evidenceIndex(ws, report.window().to().isAfter(now) ? now
                : report.window().to()), seal(ws));
    }

    private static void requireHistory(Workspace ws) {
        if (!Files.exists(ws.database())) {
            throw new ConfigException(ws.database() + ": no scan recorded yet; run 'vouch scan " + ws.dir() + "' first");
        }
    }

    /** The loaded checks' descriptions (titles, remediation), bundled plus the workspace's own. */
    private static Map<String, CheckInfo> checks(Workspace ws) {
        Map<String, CheckInfo> out = new HashMap<>();
        for (Check c : Catalogs.load(ws.checkDirs(), List.of()).checks()) {
            out.put(c.id(), c.info());
        }
        return out;
    }

    /** Every vault statement recorded by {@code until}, in log order. */
    static List<EvidenceEntry> evidenceIndex(Workspace ws, Instant until) {
        WorkspaceVault wv = new WorkspaceVault(ws);
        List<EvidenceEntry> out = new ArrayList<>();
        if (!wv.hasKeys()) {
            return out;
        }
        EvidenceCommand.vault(wv).forEachStatement((line, seq) -> {
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (IOException e) {
                return; // 'vouch vault verify' reports damaged entries
            }
            Instant time = Instant.parse(n.path("time").asText());
            if (time.compareTo(until) > 0) {
                return;
            }
            List<String> controls = new ArrayList<>();
            n.path("scope").path("controls").forEach(c -> controls.add(c.asText()));
            out.add(new EvidenceEntry(seq, n.path("kind").asText(), n.path("name").asText(""), n.path("digest").asText(), time,
                    Instant.parse(n.path("covers").path("from").asText(time.toString())),
                    Instant.parse(n.path("covers").path("to").asText(time.toString())), controls));
        });
        return out;
    }

    /** The vault's newest signed checkpoint and key fingerprint, when the workspace has a vault. */
    static Optional<VaultSeal> seal(Workspace ws) {
        WorkspaceVault wv = new WorkspaceVault(ws);
        if (!wv.hasKeys()) {
            return Optional.empty();
        }
        return EvidenceCommand.vault(wv).newestCheckpoint().map(note -> {
            var c = SignedCheckpoint.parse(note);
            return new VaultSeal(note, c.size(), Rfc6962.hex(c.root()), VaultKeys.fingerprint(VaultKeys.loadPublic(wv.publicKey())));
        });
    }
}
