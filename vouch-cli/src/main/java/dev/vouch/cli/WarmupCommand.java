package dev.vouch.cli;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.Scorer;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import dev.vouch.report.assessment.Pdf;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.ReadinessTables;
import dev.vouch.report.assessment.ScanRef;
import dev.vouch.report.assessment.TrendPoint;
import dev.vouch.report.assessment.Xlsx;
import dev.vouch.report.oscal.OscalResults;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Not for users: the ./vouch launcher runs it once per build with -XX:ArchiveClassesAtExit, so the class-data
 * sharing archive holds the classes that listing checks and rendering reports load (start-up time).
 */
@Command(name = "__warm", hidden = true)
final class WarmupCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Catalogs.bundled();
        Catalog catalog = Catalog.loadDefault();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String check = catalog.controls().stream().flatMap(c -> c.checks().stream()).findFirst().orElseThrow();
        List<Finding> findings = List.of(new Finding(check, Severity.HIGH, "t", "/r/1", "r1", "azure", Outcome.FAIL, "m",
                new Origin("terraform", "main.tf", 1), ""));
        Assessment a = new Scorer(catalog, EnumSet.of(Category.SECURITY), Clock.fixed(t, ZoneOffset.UTC)).score(findings, List.of());
        ReadinessModel m = new ReadinessModel("warm-up", t, new ScanRef(2, t, List.of("terraform:."), 1), a,
                List.of(new TrendPoint(1, t.minusSeconds(86_400), 0), new TrendPoint(2, t, a.overall())), Map.of(), findings,
                List.of(), Optional.empty());
        Pdf.readiness(m);
        Xlsx.write(ReadinessTables.of(m));
        OscalResults.readiness(m);
        return ExitCode.OK;
    }
}
