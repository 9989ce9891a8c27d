package dev.vouch.assess;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.model.Finding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * SOC 2 readiness scoring (docs/scoring.md). Pure and deterministic: the same findings, evidence,
 * catalog, scope and clock give the same {@link Assessment}, in the same order.
 *
 * <pre>{@code
 * Assessment a = new Scorer(catalog, Set.of(Category.AVAILABILITY), clock).score(findings, evidence);
 * a.overall(); a.band(); a.remediation(); a.explain("CC6.1");
 * }</pre>
 */
public final class Scorer {

    private final Catalog catalog;
    private final Set<Category> scope;
    private final Clock clock;

    /**
     * The version of the scoring rules (weights, freshness, roll-up). Scores kept in a database name it, so bump
     * it with any change that moves a number, and kept scores are recomputed.
     */
    public static final int RULES = 1;

    /**
     * @param catalog criteria and controls
     * @param scope the categories in scope; security is always added
     * @param clock "now" for evidence freshness
     */
    public Scorer(Catalog catalog, Set<Category> scope, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        EnumSet<Category> s = EnumSet.of(Category.SECURITY);
        s.addAll(Objects.requireNonNull(scope, "scope"));
        this.scope = s;
    }

    /**
     * Only the overall score of {@link #score} (same arithmetic), without the remediation plan, which re-scores
     * every candidate fix and is most of the cost: what a trend line needs.
     */
    public double overall(List<Finding> findings, List<EvidenceItem> evidence) {
        Evaluator evaluator = new Evaluator(catalog, scope, clock.instant());
        return evaluator.overall(CheckScoring.scoreAll(findings), List.copyOf(evidence));
    }

    /** Scores one scan's findings together with the recorded evidence. */
    public Assessment score(List<Finding> findings, List<EvidenceItem> evidence) {
        Map<String, List<Finding>> byCheck = new TreeMap<>();
        findings.forEach(f -> byCheck.computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f));
        Map<String, CheckScore> checks = CheckScoring.scoreAll(findings);
        List<EvidenceItem> items = List.copyOf(evidence);
        Evaluator evaluator = new Evaluator(catalog, scope, clock.instant());
        Evaluator.Evaluation base = evaluator.evaluate(checks, items);
        List<RemediationItem> remediation = RemediationPlanner.plan(evaluator, base, checks, byCheck, items);
        List<String> unmapped = checks.keySet().stream()
                .filter(id -> evaluator.controlsForCheck(id).isEmpty()).toList();
        Rollup.Result r = base.rollup();
        double overall = r.overall().doubleValue();
        return new Assessment(evaluator.now(), List.copyOf(scope), r.overallStatus(), overall, Band.of(overall),
                r.overallArithmetic(), r.categories(), r.criteria(), List.copyOf(base.controls().values()),
                remediation, unmapped);
    }
}
