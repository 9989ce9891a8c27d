package dev.vouch.report.assessment;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.sample.Sample;
import dev.vouch.assess.type2.ControlResult;
import dev.vouch.assess.type2.ExceptionPeriod;
import dev.vouch.assess.type2.Gap;
import dev.vouch.assess.type2.Occurrences;
import dev.vouch.assess.type2.Period;
import dev.vouch.assess.type2.Type2Report;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The Type II report as tables: per-control results first, then gaps, exceptions, occurrences, samples, evidence. */
public final class Type2Tables {
    private Type2Tables() {
    }

    public static List<ReportTable> of(Type2Model m) {
        Type2Report r = m.report();
        return List.of(controls(r), gaps(r), missedScans(m), exceptions(r), occurrences(r), samples(m), ReadinessTables.evidence(m.evidence()));
    }

    static ReportTable controls(Type2Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ControlResult c : r.controls()) {
            rows.add(List.of(c.controlId(), c.title(), Fmt.label(c.nature()), c.verdict().label(),
                    c.coverage().map(v -> (Object) v.percent().doubleValue()).orElse(""),
                    c.coverage().map(v -> (Object) v.observed()).orElse(""), c.coverage().map(v -> (Object) v.slots()).orElse(""),
                    c.coverage().map(v -> (Object) v.gaps().size()).orElse(""),
                    c.exceptions().size(), (int) c.beyondSla(), c.accepted().size(),
                    c.occurrences().stream().mapToInt(Occurrences::expected).sum(),
                    c.occurrences().stream().mapToInt(o -> o.performed().size()).sum(),
                    String.join("; ", c.reasons())));
        }
        return new ReportTable("Controls", List.of("Control", "Title", "Nature", "Verdict", "Coverage %", "Observed slots",
                "Slots", "Gaps", "Exceptions", "Beyond SLA", "Accepted", "Occurrences expected", "Occurrences performed",
                "Reasons"), rows);
    }

    static ReportTable gaps(Type2Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ControlResult c : r.controls()) {
            for (Gap g : c.coverage().map(v -> v.gaps()).orElse(List.of())) {
                rows.add(List.of(c.controlId(), g.from(), g.to(), g.slots()));
            }
        }
        return new ReportTable("Gaps", List.of("Control", "From", "To", "Missed slots"), rows);
    }

    static ReportTable missedScans(Type2Model m) {
        List<List<Object>> rows = new ArrayList<>();
        for (Type2Model.MissedScan g : m.missedScans()) {
            rows.add(List.of(g.from(), g.to(), g.slots(), g.reason()));
        }
        return new ReportTable("Missed scans", List.of("From", "To", "Slots", "Reason"), rows);
    }

    static ReportTable exceptions(Type2Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ControlResult c : r.controls()) {
            for (ExceptionPeriod e : c.exceptions()) {
                rows.add(exception(c, e, "no"));
            }
            for (ExceptionPeriod e : c.accepted()) {
                rows.add(exception(c, e, "yes"));
            }
        }
        return new ReportTable("Exceptions", List.of("Control", "Check", "Resource", "Resource id", "Severity", "From", "To",
                "Open at window end", "Duration (hours)", "SLA (days)", "Status", "Accepted"), rows);
    }

    private static List<Object> exception(ControlResult c, ExceptionPeriod e, String accepted) {
        return List.of(c.controlId(), e.checkId(), e.resourceName(), e.resourceId(), e.severity().label(), e.from(), e.to(),
                e.openAtWindowEnd() ? "yes" : "no", e.duration().toHours(), e.sla().isZero() ? "" : (Object) e.sla().toDays(),
                Fmt.label(e.status()), accepted);
    }

    static ReportTable occurrences(Type2Report r) {
        List<List<Object>> rows = new ArrayList<>();
        for (ControlResult c : r.controls()) {
            for (Occurrences o : c.occurrences()) {
                rows.add(List.of(c.controlId(), o.evidenceType(), Fmt.label(o.cadence()), o.expected(), o.performed().size(),
                        o.missed().stream().map(Period::label).collect(Collectors.joining("; ")),
                        o.items().stream().map(EvidenceItem::vaultSeq).map(s -> "#" + s).collect(Collectors.joining(" "))));
            }
        }
        return new ReportTable("Occurrences", List.of("Control", "Evidence type", "Cadence", "Expected", "Performed",
                "Missed periods", "Vault entries"), rows);
    }

    static ReportTable samples(Type2Model m) {
        List<List<Object>> rows = new ArrayList<>();
        for (Type2Model.SampleSet set : m.samples()) {
            Sample s = set.sample();
            for (Sample.Pick p : s.picks()) {
                rows.add(List.of(s.controlId(), s.population(), s.populationSize(), s.root().hex(), p.draw(), p.index(),
                        p.item().id(), p.item().at(), p.item().description(), p.hash()));
            }
        }
        return new ReportTable("Samples", List.of("Control", "Population", "Population size", "Seed (checkpoint root)", "Draw",
                "Position", "Item", "When", "Description", "Draw hash"), rows);
    }
}
