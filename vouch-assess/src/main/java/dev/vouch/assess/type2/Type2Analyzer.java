package dev.vouch.assess.type2;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.Nature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Type II operating-effectiveness analysis: per control, scan coverage of the window, non-passing
 * periods against their remediation SLA, and evidence occurrences expected versus performed. Pure and
 * deterministic: the result does not depend on the order of the inputs.
 */
public final class Type2Analyzer {

    private final List<Control> controls;
    private final Type2Policy policy;

    public Type2Analyzer(List<Control> controls, Type2Policy policy) {
        this.controls = List.copyOf(controls);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public static Type2Analyzer of(Catalog catalog, Type2Policy policy) {
        return new Type2Analyzer(catalog.controls(), policy);
    }

    /**
     * @param scanFinishTimes finish times of the recorded scans (any order; those outside the window are ignored)
     * @param spans the finding intervals overlapping the window, of any checks
     * @param evidence the vault's evidence items
     */
    public Type2Report analyze(Window window, List<Instant> scanFinishTimes, List<FindingSpan> spans,
            List<EvidenceItem> evidence) {
        List<Instant> scans = scanFinishTimes.stream().filter(window::contains).sorted().distinct().toList();
        List<ControlResult> results = new ArrayList<>();
        for (Control c : controls) {
            results.add(analyze(window, c, scans, spans, evidence));
        }
        return new Type2Report(window, policy, scans, results);
    }

    private ControlResult analyze(Window window, Control control, List<Instant> scans, List<FindingSpan> spans,
            List<EvidenceItem> evidence) {
        Set<String> checks = new LinkedHashSet<>(control.checks());
        boolean automatedPart = control.nature() != Nature.MANUAL && !checks.isEmpty();
        Optional<Coverage> coverage = automatedPart
                ? Optional.of(CoverageCalc.coverage(window, policy.scanCadence(), scans, checks, spans))
                : Optional.empty();
        List<ExceptionPeriod> all = automatedPart
                ? ExceptionFinder.find(window, policy, checks, spans) : List.of();
        List<ExceptionPeriod> exceptions = all.stream().filter(e -> e.status() != SlaStatus.ACCEPTED).toList();
        List<ExceptionPeriod> accepted = all.stream().filter(e -> e.status() == SlaStatus.ACCEPTED).toList();
        List<Occurrences> occurrences = control.nature() == Nature.AUTOMATED
                ? List.of() : OccurrenceCounter.count(window, control, evidence);
        VerdictRules.Judgement j = VerdictRules.judge(control.nature(), policy, coverage, exceptions, accepted,
                occurrences);
        return new ControlResult(control.id(), control.title(), control.nature(), j.verdict(), j.reasons(), coverage,
                exceptions, accepted, occurrences);
    }
}
