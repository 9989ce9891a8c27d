package dev.vouch.report.assessment;

import dev.vouch.assess.sample.Sample;
import dev.vouch.assess.type2.ControlResult;
import dev.vouch.assess.type2.Coverage;
import dev.vouch.assess.type2.ExceptionPeriod;
import dev.vouch.assess.type2.Gap;
import dev.vouch.assess.type2.Occurrences;
import dev.vouch.assess.type2.Period;
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.assess.type2.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Type II report as one XHTML document: window and verdicts, coverage and gaps, exceptions with their
 * SLA, occurrences of manual controls, samples with their seed, reasons per control, evidence and seal.
 */
public final class Type2Html {
    private final Type2Model m;
    private final Type2Report r;
    private final Xhtml x = new Xhtml();

    Type2Html(Type2Model model) {
        this.m = model;
        this.r = model.report();
    }

    /** The stand-alone HTML report (also the PDF's source). */
    public static String html(Type2Model model) {
        return Page.DOCTYPE + new Type2Html(model).document();
    }

    String document() {
        Page.head(x, "SOC 2 Type II observation — " + m.organization());
        cover();
        controls();
        coverage();
        exceptions();
        occurrences();
        samples();
        reasons();
        x.open("section", "class", "page");
        x.el("h2", "7. Evidence index", "id", "evidence");
        Page.evidenceTable(x, m.evidence());
        Page.seal(x, m.seal());
        x.close();
        Page.foot(x);
        return x.toString();
    }

    private void cover() {
        Page.coverStart(x, "SOC 2 Type II observation report", m.organization());
        fact("Observation window", Fmt.window(r.window().from(), r.window().to()));
        fact("Scans in the window", r.scans().size() + " (expected cadence " + Fmt.duration(r.policy().scanCadence()) + ")");
        Map<Verdict, Integer> counts = r.verdictCounts();
        StringBuilder v = new StringBuilder();
        for (Verdict verdict : Verdict.values()) {
            v.append(v.isEmpty() ? "" : "; ").append(counts.get(verdict)).append(' ').append(verdict.label());
        }
        fact("Controls", r.controls().size() + ": " + v);
        fact("Coverage minimum", r.policy().minCoveragePercent() + " % of the window observed");
        StringBuilder sla = new StringBuilder();
        new TreeMap<>(r.policy().remediationSla()).forEach((s, d) -> sla.append(sla.isEmpty() ? "" : ", ")
                .append(s.label()).append(' ').append(d.toDays()).append(" d"));
        fact("Remediation SLA", sla.toString());
        fact("Samples", m.samples().isEmpty() ? "none drawn (give --checkpoint and --sample)" : m.samples().size() + " populations sampled");
        fact("Generated", Fmt.when(m.generatedAt()));
        x.close();
        x.el("p", "Computed from the recorded history of scans and the evidence vault, not from a snapshot. Rules: "
                + "docs/scoring.md, section 'Type II'.", "class", "note");
        x.close();
    }

    private void fact(String k, String v) {
        Page.fact(x, k, v);
    }

    private void controls() {
        x.open("section", "class", "page");
        x.el("h2", "1. Operating effectiveness per control", "id", "controls");
        x.open("table", "class", "grid small");
        x.cols("10%", "25%", "10%", "14%", "16%", "12%", "13%");
        x.open("thead").row(true, "Control", "Title", "Nature", "Verdict", "Coverage", "Exceptions (beyond SLA)", "Occurrences").close();
        x.open("tbody");
        for (ControlResult c : r.controls()) {
            x.open("tr").el("td", c.controlId(), "class", "id").el("td", c.title()).el("td", Fmt.label(c.nature()))
                    .el("td", c.verdict().label(), "class", "v-" + c.verdict().name().toLowerCase(Locale.ROOT))
                    .el("td", c.coverage().map(Type2Html::coverageCell).orElse("—"), "class", "right")
                    .el("td", c.exceptions().isEmpty() ? "0" : c.exceptions().size() + " (" + c.beyondSla() + ")", "class", "num")
                    .el("td", occurrencesCell(c), "class", "num").close();
        }
        x.close().close();
        x.close();
    }

    static String coverageCell(Coverage c) {
        return c.percent().toPlainString() + " % (" + c.observed() + "/" + c.slots() + ")";
    }

    static String occurrencesCell(ControlResult c) {
        if (c.occurrences().isEmpty()) {
            return "—";
        }
        int expected = c.occurrences().stream().mapToInt(Occurrences::expected).sum();
        int performed = c.occurrences().stream().mapToInt(o -> o.performed().size()).sum();
        return performed + " of " + expected;
    }

    private void coverage() {
        x.open("section", "class", "page");
        x.el("h2", "2. Coverage gaps", "id", "coverage");
        x.el("p", "Periods of the window with no scan at the expected cadence. Automated evidence cannot speak for them.", "class", "note");
        Map<String, List<String>> byGap = new TreeMap<>();
        Map<String, Gap> gaps = new TreeMap<>();
        for (ControlResult c : r.controls()) {
            for (Gap g : c.coverage().map(Coverage::gaps).orElse(List.of())) {
                String key = g.from() + "|" + g.to();
                gaps.put(key, g);
                byGap.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(c.controlId());
            }
        }
        if (gaps.isEmpty()) {
            x.el("p", "No gaps: every cadence slot of the window was observed by a scan.");
        } else {
            x.open("table", "class", "grid small");
            x.cols("20%", "20%", "10%", "50%");
            x.open("thead").row(true, "From", "To", "Missed slots", "Controls affected").close();
            x.open("tbody");
            gaps.forEach((key, g) -> x.open("tr").el("td", Fmt.when(g.from())).el("td", Fmt.when(g.to()))
                    .el("td", String.valueOf(g.slots()), "class", "num").el("td", Fmt.join(byGap.get(key)), "class", "ids").close());
            x.close().close();
        }
        if (!m.missedScans().isEmpty()) {
            x.el("h3", "Scheduled scans that did not run");
            x.el("p", "From the scheduler's ledger (.vouch/schedule.json): why the gaps above exist.", "class", "note");
            x.open("table", "class", "grid small");
            x.cols("28%", "28%", "14%", "30%");
            x.open("thead").row(true, "From", "To", "Slots", "Reason").close();
            x.open("tbody");
            for (Type2Model.MissedScan g : m.missedScans()) {
                x.open("tr").el("td", Fmt.when(g.from())).el("td", Fmt.when(g.to())).el("td", String.valueOf(g.slots()), "class", "num")
                        .el("td", g.reason()).close();
            }
            x.close().close();
        }
        x.close();
    }

    private void exceptions() {
        x.open("section", "class", "page");
        x.el("h2", "3. Exceptions", "id", "exceptions");
        x.el("p", "Each period a resource did not pass a check during the window, judged against the remediation SLA of "
                + "the check's severity; grouped by check (a check tests one or more controls, named in its heading). Resources "
                + "are named; where two in a group share a name their ids are shown too (every id is in the XLSX Exceptions sheet). "
                + "Accepted exceptions are listed apart and not judged.", "class", "note");
        exceptionGroups(r.controls().stream().flatMap(c -> c.exceptions().stream().map(e -> Map.entry(c.controlId(), e))).toList());
        x.el("h3", "Accepted exceptions");
        exceptionGroups(r.controls().stream().flatMap(c -> c.accepted().stream().map(e -> Map.entry(c.controlId(), e))).toList());
        x.close();
    }

    /** One table per check, each exception once however many controls the check tests. */
    private void exceptionGroups(List<Map.Entry<String, ExceptionPeriod>> rows) {
        if (rows.isEmpty()) {
            x.el("p", "None.");
            return;
        }
        Map<String, java.util.Set<String>> controls = new TreeMap<>();
        Map<String, Map<String, ExceptionPeriod>> periods = new TreeMap<>();
        for (Map.Entry<String, ExceptionPeriod> row : rows) {
            ExceptionPeriod e = row.getValue();
            controls.computeIfAbsent(e.checkId(), k -> new java.util.TreeSet<>()).add(row.getKey());
            periods.computeIfAbsent(e.checkId(), k -> new java.util.LinkedHashMap<>()).putIfAbsent(e.resourceId() + "|" + e.from(), e);
        }
        for (Map.Entry<String, Map<String, ExceptionPeriod>> group : periods.entrySet()) {
            List<ExceptionPeriod> list = List.copyOf(group.getValue().values());
            ExceptionPeriod first = list.get(0);
            Map<String, Long> byStatus = new TreeMap<>();
            list.forEach(e -> byStatus.merge(Fmt.label(e.status()), 1L, Long::sum));
            x.el("h4", group.getKey() + " · " + first.severity().label() + (first.sla().isZero() ? "" : " · SLA " + first.sla().toDays() + " d")
                    + " · controls " + Fmt.join(List.copyOf(controls.get(group.getKey()))) + " — " + list.size() + ": "
                    + byStatus.entrySet().stream().map(en -> en.getValue() + " " + en.getKey()).collect(java.util.stream.Collectors.joining(", ")));
            x.open("table", "class", "grid small");
            x.cols("44%", "34%", "10%", "12%");
            x.open("thead").row(true, "Resource", "Period", "Duration", "Status").close();
            x.open("tbody");
            Map<String, java.util.Set<String>> names = list.stream().collect(java.util.stream.Collectors.groupingBy(
                    ExceptionPeriod::resourceName, java.util.stream.Collectors.mapping(ExceptionPeriod::resourceId,
                            java.util.stream.Collectors.toSet())));
            for (ExceptionPeriod e : list) {
                x.open("tr");
                if (names.get(e.resourceName()).size() > 1 || e.resourceName().isBlank()) {
                    x.open("td").text(e.resourceName()).empty("br").el("span", e.resourceId(), "class", "ids").close();
                } else {
                    x.el("td", e.resourceName());
                }
                x.el("td", Fmt.when(e.from()) + " → " + (e.openAtWindowEnd() ? "open at window end" : Fmt.when(e.to())))
                        .el("td", Fmt.duration(e.duration()), "class", "num")
                        .el("td", Fmt.label(e.status()), "class", "sla-" + e.status().name().toLowerCase(Locale.ROOT)).close();
            }
            x.close().close();
        }
    }

    private void occurrences() {
        x.open("section", "class", "page");
        x.el("h2", "4. Occurrences of manual and recurring controls", "id", "occurrences");
        x.open("table", "class", "grid small");
        x.cols("11%", "16%", "10%", "9%", "10%", "28%", "16%");
        x.open("thead").row(true, "Control", "Evidence", "Cadence", "Expected", "Performed", "Missed periods", "Vault entries").close();
        x.open("tbody");
        boolean any = false;
        for (ControlResult c : r.controls()) {
            for (Occurrences o : c.occurrences()) {
                any = true;
                x.open("tr").el("td", c.controlId(), "class", "id").el("td", o.evidenceType()).el("td", Fmt.label(o.cadence()))
                        .el("td", String.valueOf(o.expected()), "class", "num").el("td", String.valueOf(o.performed().size()), "class", "num")
                        .el("td", o.missed().isEmpty() ? "—" : Fmt.join(o.missed().stream().map(Period::label).toList()))
                        .el("td", o.items().isEmpty() ? "—" : Fmt.join(o.items().stream().map(i -> "#" + i.vaultSeq()).toList()), "class", "ids")
                        .close();
            }
        }
        if (!any) {
            x.open("tr").el("td", "No manual or hybrid control in scope.", "colspan", "7").close();
        }
        x.close().close();
        x.close();
    }

    private void samples() {
        x.open("section", "class", "page");
        x.el("h2", "5. Samples", "id", "samples");
        if (m.samples().isEmpty()) {
            x.el("p", "No sample was drawn for this report. Draw them with --checkpoint FILE --sample CONTROL=changes|hires|terminations.");
        }
        for (Type2Model.SampleSet set : m.samples()) {
            Sample s = set.sample();
            x.el("h3", (s.controlId().isEmpty() ? "" : s.controlId() + " — ") + s.population() + ": " + s.size() + " of "
                    + s.populationSize());
            x.el("p", "Source: " + s.source() + ". Seed: checkpoint root " + s.root().hex() + " (" + s.root().origin() + ", size "
                    + s.root().treeSize() + "). Draw i takes position SHA-256(root ‖ \"vouch-sample\" ‖ 0 ‖ population ‖ 0 ‖ i) mod the items not yet drawn; "
                    + "docs/scoring.md shows how to re-derive it.", "class", "note");
            set.populationProblems().forEach(p -> x.el("p", "Not in the population: " + p, "class", "note"));
            if (s.picks().isEmpty()) {
                x.el("p", "The population is empty in this window: there is nothing to sample.");
                continue;
            }
            x.open("table", "class", "grid small");
            x.cols("7%", "9%", "18%", "16%", "34%", "16%");
            x.open("thead").row(true, "Draw", "Position", "Item", "When", "Description", "Draw hash (first 16 hex)").close();
            x.open("tbody");
            for (Sample.Pick p : s.picks()) {
                x.open("tr").el("td", String.valueOf(p.draw()), "class", "num").el("td", String.valueOf(p.index()), "class", "num")
                        .el("td", p.item().id(), "class", "ids").el("td", Fmt.when(p.item().at()))
                        .el("td", p.item().description()).el("td", p.hash().substring(0, 16), "class", "ids").close();
            }
            x.close().close();
        }
        x.close();
    }

    private void reasons() {
        x.open("section", "class", "page");
        x.el("h2", "6. Why each verdict", "id", "reasons");
        for (ControlResult c : r.controls()) {
            x.open("div", "class", "control");
            x.open("h4").text(c.controlId() + " — ").el("span", c.verdict().label(),
                    "class", "v-" + c.verdict().name().toLowerCase(Locale.ROOT)).close();
            x.open("ul");
            c.reasons().forEach(reason -> x.el("li", reason));
            x.close().close();
        }
        x.close();
    }
}
