package dev.vouch.cli;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.ScoreText;
import dev.vouch.assess.Scorer;
import dev.vouch.catalog.Catalog;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.model.Finding;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Readiness scores per control, criterion and category, with bands and remediation by gain.", "",
            "SOC 2 readiness scores per control, criterion, Trust Services category and overall, with bands",
            "(< 60 not ready, 60-80 remediation needed, 80-90 nearly ready, >= 90 ready for the auditor) and the",
            "remediation list ordered by score gain. Reads the workspace's latest scan and the evidence in its vault.",
            "Every number can be expanded into its arithmetic: vouch score --explain CC6.1 (or a control id). See docs/scoring.md."})
final class ScoreCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", description = "Workspace folder (default: current).")
    Path workspaceDir;

    @Option(names = "--explain", paramLabel = "ID", description = "Show the arithmetic behind a criterion (CC6.1), control (VC-IAM-01) or category (security).")
    String explain;

    @Option(names = "--format", description = "text (default) or json") String format = "text";

    @Option(names = "--top", description = "How many remediation items to list (default 10).") int top = 10;

    @Option(names = "--as-of", paramLabel = "WHEN", description = "Score the estate as it was then (a date = end of that day UTC, or an RFC 3339 instant), from the recorded history and the evidence recorded by then.")
    String asOf;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Workspace ws = Workspace.open(workspaceDir == null ? Path.of(".") : workspaceDir);
        if (!ws.hasDatabase()) {
            throw new ConfigException(ws.databaseName() + ": no scan recorded yet; run 'vouch scan " + ws.dir() + "' first");
        }
        List<Finding> findings;
        ScanSummary latest;
        Instant at = asOf == null ? Instant.now() : when(asOf);
        // catalog and vault are read on the other core while the store is queried
        java.util.concurrent.CompletableFuture<Catalog> catalog = java.util.concurrent.CompletableFuture.supplyAsync(Catalog::loadDefault);
        java.util.concurrent.CompletableFuture<List<EvidenceItem>> recorded =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> evidence(ws));
        try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
            latest = store.scans().stream().filter(x -> !x.finishedAt().isAfter(at)).reduce((x, y) -> y)
                    .orElseThrow(() -> new ConfigException(ws.databaseName() + ": no scan recorded "
                            + (asOf == null ? "yet; run 'vouch scan " + ws.dir() + "' first" : "at or before " + at
                            + store.scans().stream().findFirst().map(f -> " (the first was at " + f.finishedAt() + ")").orElse(""))));
            findings = asOf == null ? store.findingsAtScan(latest.id()) : store.findingsAsOf(at);
        }
        Clock clock = Clock.fixed(at, java.time.ZoneOffset.UTC);
        List<EvidenceItem> evidence = ReportInputs.join(recorded).stream().filter(e -> !e.recordedAt().isAfter(at)).toList();
        Assessment a = new Scorer(ReportInputs.join(catalog), ws.scope(), clock).score(findings, evidence);
        PrintWriter out = spec.commandLine().getOut();
        boolean json = format.equalsIgnoreCase("json");
        if (explain != null) {
            var e = a.explain(explain.trim());
            out.print(json ? ChecksCommand.JSON.writeValueAsString(e) + "\n" : new ScoreText(top).explain(e));
        } else {
            out.print(json ? ChecksCommand.JSON.writeValueAsString(a) + "\n" : new ScoreText(top).summary(a));
        }
        out.flush();
        spec.commandLine().getErr().println("vouch: scored scan #" + latest.id() + " with " + findings.size() + " findings");
        return ExitCode.OK;
    }

    /** A date (the end of that day, UTC) or an RFC 3339 instant. */
    static Instant when(String text) {
        return Period.parse(text + ".." + text, "--as-of").to();
    }

    /** Manual evidence in the workspace's vault (entries naming controls), as scoring input. */
    static List<EvidenceItem> evidence(Workspace ws) {
        return manual(ReportInputs.vault(ws).index());
    }

    /** The manual evidence (entries naming controls) of a vault index, as scoring input. */
    static List<EvidenceItem> manual(List<dev.vouch.report.assessment.EvidenceEntry> index) {
        return index.stream()
                .filter(e -> e.kind().equals("evidence.manual") && !e.controls().isEmpty())
                .map(e -> new EvidenceItem(e.kind(), e.controls(), e.coversFrom(), e.coversTo(), e.recordedAt(), e.seq(), e.name()))
                .toList();
    }
}
