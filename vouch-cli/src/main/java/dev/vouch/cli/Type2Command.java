package dev.vouch.cli;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.type2.FindingSpan;
import dev.vouch.assess.type2.Type2Analyzer;
import dev.vouch.assess.type2.Type2Policy;
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.assess.type2.Type2Text;
import dev.vouch.assess.type2.Window;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.catalog.Control;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.store.FindingInterval;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "type2", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Type II operating effectiveness over an observation window: coverage, exceptions, verdicts.", "",
            "Type II operating effectiveness over an observation window, from the recorded history: per control,",
            "coverage (share of the window observed at the expected scan cadence, gaps listed), exceptions (resource,",
            "from, to, duration, within or beyond the remediation SLA by severity), occurrences of manual controls",
            "(expected vs performed, from the vault's evidence and the periods it covers), and a verdict with reasons.",
            "Rules and thresholds: docs/scoring.md, 'Type II'."})
final class Type2Command implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE") Path workspaceDir;
    @Option(names = "--period", paramLabel = "FROM..TO", description = "The observation window, e.g. 2026-01-01..2026-12-31 (dates inclusive, UTC). Default: 'observation' in vouch.yaml.") String period;
    @Option(names = "--format", description = "text (default) or json") String format = "text";
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Workspace ws = Workspace.open(workspaceDir == null ? Path.of(".") : workspaceDir);
        Type2Report report = analyze(ws, period);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equalsIgnoreCase("json") ? ChecksCommand.JSON.writeValueAsString(report) + "\n" : new Type2Text().summary(report));
        out.flush();
        return ExitCode.OK;
    }

    /** The window: {@code --period} when given, else vouch.yaml's {@code observation}, else a clear error. */
    static Window window(Workspace ws, String period) {
        String text = period != null ? period : ws.observation().orElseThrow(() -> new ConfigException(
                "no observation window: give --period FROM..TO or set 'observation: {from: DATE, to: DATE}' in "
                        + ws.dir().resolve(Workspace.FILE)));
        try {
            return Window.parse(text);
        } catch (RuntimeException e) {
            throw new ConfigException((period != null ? "--period: " : ws.dir().resolve(Workspace.FILE) + ": observation: ") + e.getMessage());
        }
    }

    /** The Type II analysis of the workspace's recorded history over the window. */
    static Type2Report analyze(Workspace ws, String period) {
        return analyze(ws, period, Catalog.loadDefault(), ScoreCommand.evidence(ws));
    }

    /** The same, with a catalog and the vault's manual evidence the caller has already read. */
    static Type2Report analyze(Workspace ws, String period, Catalog catalog, List<EvidenceItem> evidence) {
        if (!ws.hasDatabase()) {
            throw new ConfigException(ws.databaseName() + ": no scan recorded yet; run 'vouch scan " + ws.dir() + "' first");
        }
        Window window = window(ws, period);
        List<Instant> scans;
        List<FindingSpan> spans;
        try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
            List<ScanSummary> all = store.scans();
            if (all.isEmpty()) {
                throw new ConfigException(ws.databaseName() + ": no scan recorded yet");
            }
            Instant first = all.get(0).finishedAt();
            Instant last = all.get(all.size() - 1).finishedAt();
            if (window.to().isBefore(first) || window.from().isAfter(last)) {
                throw new ConfigException("the observation window " + window.from() + " .. " + window.to()
                        + " lies outside the recorded history (" + first + " .. " + last + "); nothing was observed in it");
            }
            scans = all.stream().map(ScanSummary::finishedAt).toList();
            spans = store.intervalsOverlapping(window.from(), window.to()).stream()
                    .filter(i -> i.validTo().isAfter(i.validFrom()))
                    .map(Type2Command::span).toList();
        }
        Set<Category> scope = ws.scope();
        List<Control> controls = catalog.controls().stream()
                .filter(c -> c.criteria().stream().anyMatch(id -> catalog.criterion(id).map(k -> scope.contains(k.category())).orElse(false)))
                .toList();
        return new Type2Analyzer(controls, Type2Policy.defaults()).analyze(window, scans, spans, evidence);
    }

    private static FindingSpan span(FindingInterval i) {
        var f = i.finding();
        return new FindingSpan(f.checkId(), f.resourceId(), f.resourceName(), f.outcome(), f.severity(), i.validFrom(),
                i.isOpen() ? FindingSpan.OPEN : i.validTo());
    }
}
