package dev.vouch.assess.type2;

import dev.vouch.catalog.Nature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict thresholds. NOT TESTED: no part of the control was observed in the window. NOT EFFECTIVE:
 * coverage below the policy minimum, any exception beyond its SLA, any missed evidence period, or a
 * hybrid control with one part not observed at all. EFFECTIVE WITH EXCEPTIONS: otherwise, when any
 * non-passing period (within SLA, or open and within SLA so far) or accepted exception exists.
 * EFFECTIVE: none of the above.
 */
final class VerdictRules {

    record Judgement(Verdict verdict, List<String> reasons) {
    }

    private VerdictRules() {
    }

    static Judgement judge(Nature nature, Type2Policy policy, Optional<Coverage> coverage,
            List<ExceptionPeriod> exceptions, List<ExceptionPeriod> accepted, List<Occurrences> occurrences) {
        boolean checksObserved = coverage.map(c -> c.observed() > 0).orElse(false);
        boolean evidenceSeen = occurrences.stream().anyMatch(Occurrences::tested);
        boolean hasEvidencePart = nature != Nature.AUTOMATED && !occurrences.isEmpty();
        if (!checksObserved && !evidenceSeen) {
            List<String> why = new ArrayList<>();
            coverage.ifPresent(c -> why.add("no scan in the window produced an applicable finding of its checks"));
            if (hasEvidencePart) {
                why.add("no evidence covers any period of the window");
            }
            if (why.isEmpty()) {
                why.add("no checks and no evidence requirements to observe");
            }
            return new Judgement(Verdict.NOT_TESTED, why);
        }
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        coverage.ifPresent(c -> coverage(c, policy, failures, notes));
        if (coverage.isPresent() && hasEvidencePart && checksObserved != evidenceSeen) {
            failures.add(checksObserved ? "hybrid control: no evidence covers any period of the window"
                    : "hybrid control: its checks were never observed in the window");
        }
        exceptions(exceptions, accepted, failures, notes);
        occurrences.forEach(o -> occurrence(o, failures, notes));
        Verdict verdict = !failures.isEmpty() ? Verdict.NOT_EFFECTIVE
                : !exceptions.isEmpty() || !accepted.isEmpty() ? Verdict.EFFECTIVE_WITH_EXCEPTIONS
                : Verdict.EFFECTIVE;
        List<String> reasons = new ArrayList<>(failures);
        reasons.addAll(notes);
        return new Judgement(verdict, reasons);
    }

    private static void coverage(Coverage c, Type2Policy policy, List<String> failures, List<String> notes) {
        boolean low = (long) c.observed() * 100 < (long) policy.minCoveragePercent() * c.slots();
        String gaps = c.gaps().isEmpty() ? "no gaps" : "gaps: " + c.gaps().stream()
                .map(g -> Fmt.span(g.from(), g.to()) + " (" + Fmt.plural(g.slots(), "slot") + ")")
                .collect(Collectors.joining(", "));
        String text = "coverage " + c.percent().toPlainString() + "% (" + c.observed() + "/" + c.slots() + " slots of "
                + Fmt.duration(c.cadence()) + "; " + gaps + ")";
        if (low) {
            failures.add(text + " below the " + policy.minCoveragePercent() + "% minimum");
        } else {
            notes.add(text);
        }
    }

    private static void exceptions(List<ExceptionPeriod> exceptions, List<ExceptionPeriod> accepted,
            List<String> failures, List<String> notes) {
        List<ExceptionPeriod> beyond = exceptions.stream().filter(ExceptionPeriod::beyondSla).toList();
        if (!beyond.isEmpty()) {
            failures.add(Fmt.plural(beyond.size(), "exception") + " beyond SLA: " + beyond.stream()
                    .map(e -> e.checkId() + " on " + e.resourceName() + " (" + e.severity().label() + ", "
                            + Fmt.duration(e.duration()) + (e.openAtWindowEnd() ? ", open" : "") + " > SLA "
                            + Fmt.duration(e.sla()) + ")")
                    .collect(Collectors.joining(", ")));
        }
        long within = exceptions.stream().filter(e -> e.status() == SlaStatus.WITHIN).count();
        long open = exceptions.stream().filter(e -> e.status() == SlaStatus.OPEN_WITHIN).count();
        if (within > 0) {
            notes.add(Fmt.plural(within, "exception") + " remediated within SLA");
        }
        if (open > 0) {
            notes.add(Fmt.plural(open, "exception") + " open at window end, within SLA so far");
        }
        if (!accepted.isEmpty()) {
            notes.add(Fmt.plural(accepted.size(), "accepted exception") + " (EXCEPTED)");
        }
    }

    private static void occurrence(Occurrences o, List<String> failures, List<String> notes) {
        String head = o.evidenceType() + " " + o.cadence().key() + ": ";
        if (o.perEvent()) {
            notes.add(head + Fmt.plural(o.items().size(), "item") + " in the window (per event, not counted)");
        } else if (!o.missed().isEmpty()) {
            failures.add(head + o.performed().size() + " of " + o.expected() + " periods performed; missed "
                    + o.missed().stream().map(Fmt::period).collect(Collectors.joining(", ")));
        } else {
            notes.add(head + o.performed().size() + " of " + o.expected() + " periods performed");
        }
    }
}
