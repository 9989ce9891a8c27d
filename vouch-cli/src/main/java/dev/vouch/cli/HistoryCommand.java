package dev.vouch.cli;

import dev.vouch.assess.Band;
import dev.vouch.assess.EvidenceItem;
import dev.vouch.catalog.Catalog;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.model.Outcome;
import dev.vouch.model.Finding;
import dev.vouch.store.FindingDelta;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Score trend over the recorded scans, and drift: what started failing, and when.", "",
            "The workspace's recorded scans with their readiness score (the trend), and drift: findings that",
            "were passing and started failing (and those that recovered), with when, from the recorded history."})
final class HistoryCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE") Path workspaceDir;
    @Option(names = "--format", description = "text (default) or json") String format = "text";
    @Option(names = "--limit", description = "Drift events to list (default 50).") int limit = 50;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** One recorded scan with its score. */
    record Point(long scan, String finishedAt, int resources, Map<Outcome, Integer> outcomes, double score, String band) {
    }

    /** A (check, resource) pair whose outcome crossed between passing and failing. */
    record Drift(String kind, long scan, String at, String checkId, String resource, String before, String now, String message) {
    }

    @Override
    public Integer call() throws Exception {
        Workspace ws = Workspace.open(workspaceDir == null ? Path.of(".") : workspaceDir);
        if (!ws.hasDatabase()) {
            throw new ConfigException(ws.databaseName() + ": no scan recorded yet; run 'vouch scan " + ws.dir() + "' first");
        }
        List<EvidenceItem> evidence = ScoreCommand.evidence(ws);
        Catalog catalog = Catalog.loadDefault();
        var scope = ws.scope();
        List<Point> trend = new ArrayList<>();
        List<Drift> drift = new ArrayList<>();
        try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
            List<ScanSummary> scans = store.scans();
            List<Double> scores = ScoreWalk.scores(store, scans, catalog, scope, evidence, (s, delta) -> drift.addAll(drift(s, delta)));
            for (int i = 0; i < scans.size(); i++) {
                ScanSummary s = scans.get(i);
                double score = scores.get(i);
                trend.add(new Point(s.id(), s.finishedAt().truncatedTo(ChronoUnit.SECONDS).toString(), s.resourceCount(),
                        s.outcomes(), score, Band.of(score).name()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trend", trend);
            m.put("drift", drift);
            out.println(ChecksCommand.JSON.writeValueAsString(m));
            out.flush();
            return ExitCode.OK;
        }
        out.printf("%-6s %-21s %9s %6s %6s %5s %6s %7s  %s%n", "SCAN", "FINISHED", "RESOURCES", "PASS", "FAIL", "ERR", "UNKN", "SCORE", "BAND");
        for (Point p : trend) {
            out.printf("#%-5d %-21s %9d %6d %6d %5d %6d %7.1f  %s%n", p.scan(), p.finishedAt(), p.resources(),
                    p.outcomes().getOrDefault(Outcome.PASS, 0), p.outcomes().getOrDefault(Outcome.FAIL, 0),
                    p.outcomes().getOrDefault(Outcome.ERROR, 0), p.outcomes().getOrDefault(Outcome.UNKNOWN, 0),
                    p.score(), p.band().replace('_', ' '));
        }
        out.printf("%nDrift (%d events%s)%n", drift.size(), drift.size() > limit ? ", newest " + limit + " shown" : "");
        for (Drift d : drift.subList(Math.max(0, drift.size() - limit), drift.size())) {
            out.printf("  %-21s scan #%-4d %-9s %-11s %s -> %s  %s%n      %s%n", d.at(), d.scan(), d.kind(), d.checkId(), d.before(),
                    d.now(), d.resource(), d.message());
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Drift at scan {@code s}: pairs whose interval ended and restarted (a change), or started without ending (new). */
    private static List<Drift> drift(ScanSummary s, FindingDelta delta) {
        List<Drift> out = new ArrayList<>();
        String at = s.finishedAt().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Finding> before = new HashMap<>();
        delta.ended().forEach(f -> before.put(FindingDelta.key(f), f));
        for (Finding now : delta.started()) {
            Finding was = before.get(FindingDelta.key(now));
            if (was != null) {
                boolean wasOk = passing(was.outcome());
                boolean isOk = passing(now.outcome());
                if (wasOk != isOk) {
                    out.add(new Drift(wasOk ? "started" : "recovered", s.id(), at, now.checkId(), now.resourceName(),
                            was.outcome().name(), now.outcome().name(), wasOk ? now.message() : ""));
                }
            } else if (now.outcome().isNonPassing()) {
                out.add(new Drift("new", s.id(), at, now.checkId(), now.resourceName(), "-", now.outcome().name(), now.message()));
            }
        }
        return out;
    }

    private static boolean passing(Outcome o) {
        return o == Outcome.PASS || o == Outcome.EXCEPTED;
    }
}
