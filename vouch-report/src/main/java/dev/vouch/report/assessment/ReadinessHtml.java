package dev.vouch.report.assessment;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.CategoryScore;
import dev.vouch.assess.CheckScore;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.CriterionScore;
import dev.vouch.assess.EvidenceStatus;
import dev.vouch.assess.Freshness;
import dev.vouch.assess.RemediationItem;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Remediation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The readiness report as one XHTML document: cover, executive summary (gauge, categories, trend),
 * criteria, top remediation with steps, control matrix, findings per control, evidence index and seal.
 */
public final class ReadinessHtml {
    /** How many remediation items the report details. */
    static final int TOP = 10;

    private final ReadinessModel m;
    private final Assessment a;
    private final ChartSink charts;
    private final Xhtml x = new Xhtml();
    private Map<String, List<Finding>> byCheck;

    ReadinessHtml(ReadinessModel model, ChartSink charts) {
        this.m = model;
        this.a = model.assessment();
        this.charts = charts;
    }

    /** The stand-alone HTML report (charts as embedded PNG images). */
    public static String html(ReadinessModel model) {
        return Page.DOCTYPE + new ReadinessHtml(model, new ChartSink.Png()).document();
    }

    String document() {
        Page.head(x, "SOC 2 readiness report — " + m.organization());
        cover();
        summary();
        criteria();
        remediation();
        matrix();
        findings();
        evidence();
        Page.method(x);
        Page.foot(x);
        return x.toString();
    }

    private void cover() {
        Page.coverStart(x, "SOC 2 readiness report", m.organization());
        fact("Overall readiness", Fmt.score(a.overall()) + " / 100 — " + a.band().label());
        fact("Scope", Fmt.join(a.scope().stream().map(c -> c.title()).toList()) + " (Trust Services Criteria 2017, points of focus 2022)");
        fact("Scored scan", "#" + m.scan().id() + ", finished " + Fmt.when(m.scan().finishedAt()) + ", "
                + m.scan().resourceCount() + " resources");
        fact("Sources", m.scan().sources().isEmpty() ? "none recorded" : Fmt.join(m.scan().sources()));
        fact("Generated", Fmt.when(m.generatedAt()));
        fact("Evidence vault", m.seal().map(s -> s.treeSize() + " entries, root " + s.rootHex().substring(0, 16) + "…, key "
                + s.keyFingerprint()).orElse("no signed checkpoint (vouch init has not created vault keys)"));
        x.close();
        x.el("p", "Every number in this report can be expanded into its arithmetic with 'vouch score --explain <id>'; "
                + "the method is summarised at the end and documented in docs/scoring.md.", "class", "note");
        x.close();
    }

    private void fact(String k, String v) {
        Page.fact(x, k, v);
    }

    private void summary() {
        x.open("section", "class", "page");
        x.el("h2", "1. Executive summary", "id", "summary");
        x.open("table", "class", "layout").open("tr").open("td");
        charts.place(x, "gauge", Charts.gauge(a.overall(), a.band().label()), 250, 200,
                "Overall readiness " + Fmt.score(a.overall()) + " of 100, " + a.band().label());
        x.close().open("td");
        charts.place(x, "categories", Charts.categories(a.categories()), 400, 60 + 36 * a.categories().size(),
                "Score per Trust Services category");
        x.close().close().close();
        long tested = a.controls().stream().filter(ControlScore::tested).count();
        long failing = a.controls().stream().flatMap(c -> c.checks().stream()).filter(c -> c.nonPassing() > 0)
                .map(CheckScore::checkId).distinct().count();
        x.open("ul", "class", "keys");
        x.el("li", "Overall " + Fmt.score(a.overall()) + " — " + a.band().label() + ".");
        x.el("li", tested + " of " + a.controls().size() + " in-scope controls are tested; " + a.notTested().size()
                + " have neither automated checks with findings nor evidence and count as 0 (not tested).");
        x.el("li", failing + (failing == 1 ? " check has" : " checks have") + " failing, erroring or unresolved resources.");
        a.remediation().stream().findFirst().ifPresent(r -> x.el("li", "Largest single gain: " + r.action() + " (+"
                + Fmt.score(r.gain()) + " points overall)."));
        x.close();
        x.open("table", "class", "grid");
        x.cols("30%", "15%", "25%", "15%", "15%");
        x.open("thead").row(true, "Category", "Score", "Band", "Controls", "Not tested").close();
        x.open("tbody");
        for (CategoryScore c : a.categories()) {
            x.open("tr").el("td", c.category().title()).el("td", Fmt.score(c.score()), "class", "num")
                    .el("td", c.band().label(), "class", "band-" + c.band().key())
                    .el("td", String.valueOf(c.controlIds().size()), "class", "num")
                    .el("td", String.valueOf(c.notTested()), "class", "num").close();
        }
        x.close().close();
        x.el("h3", "Trend");
        if (m.trend().size() >= 2) {
            charts.place(x, "trend", Charts.trend(m.trend()), 640, 200, "Overall score at each of " + m.trend().size()
                    + " recorded scans");
        } else {
            x.el("p", "One scan recorded so far: the trend starts with the next scan.", "class", "note");
        }
        x.close();
    }

    private void criteria() {
        x.open("section", "class", "page");
        x.el("h2", "2. Trust Services Criteria", "id", "criteria");
        x.open("table", "class", "grid");
        x.cols("9%", "41%", "10%", "13%", "20%", "7%");
        x.open("thead").row(true, "Criterion", "Summary", "Score", "Band", "Controls", "Not tested").close();
        x.open("tbody");
        for (CriterionScore c : a.criteria()) {
            x.open("tr").el("td", c.criterionId(), "class", "id").el("td", c.text())
                    .el("td", c.status() == dev.vouch.assess.Status.SCORED ? Fmt.score(c.score()) : "not tested", "class", "num")
                    .el("td", c.status() == dev.vouch.assess.Status.SCORED ? c.band().label() : "—", "class", "band-" + c.band().key())
                    .el("td", Fmt.join(c.controlIds()), "class", "ids")
                    .el("td", String.valueOf(c.notTested()), "class", "num").close();
        }
        x.close().close();
        x.close();
    }

    private void remediation() {
        x.open("section", "class", "page");
        x.el("h2", "3. Top remediation items", "id", "remediation");
        List<RemediationItem> all = a.remediation();
        x.el("p", "Ordered by how much the overall score rises when the item alone is fixed (recomputed, not estimated); "
                + "the number is the item's rank among all " + all.size() + ". Configuration fixes are for engineers, "
                + "evidence for the control owners, so each gets its own list.", "class", "note");
        x.el("h3", "Configuration fixes");
        remediationList(all, RemediationItem.Kind.FIX_CHECK, "No check fails: nothing to fix in the configuration.");
        x.el("h3", "Missing or stale evidence");
        remediationList(all, RemediationItem.Kind.ADD_EVIDENCE, "Every evidence requirement in scope is fresh.");
        x.close();
    }

    private void remediationList(List<RemediationItem> all, RemediationItem.Kind kind, String none) {
        int shown = 0;
        for (int i = 0; i < all.size() && shown < TOP; i++) {
            RemediationItem r = all.get(i);
            if (r.kind() != kind) {
                continue;
            }
            shown++;
            x.open("div", "class", "item");
            x.el("h4", (i + 1) + ". " + r.action());
            x.el("p", "+" + Fmt.score(r.gain()) + " overall (to " + Fmt.score(r.overallAfter()) + ")"
                    + (r.severity().isBlank() ? "" : " · severity " + r.severity()) + " · controls " + Fmt.join(r.controlIds()), "class", "meta");
            if (kind == RemediationItem.Kind.FIX_CHECK) {
                steps(r);
            } else {
                x.el("p", "Record it in the vault with the period it covers:");
                x.el("pre", "vouch evidence add FILE --control " + r.controlIds().get(0) + " --covers FROM..TO");
            }
            x.close();
        }
        long total = all.stream().filter(r -> r.kind() == kind).count();
        if (total == 0) {
            x.el("p", none);
        } else if (total > shown) {
            x.el("p", (total - shown) + " more in the XLSX workbook's Remediation sheet and in 'vouch score'.", "class", "note");
        }
    }

    private void steps(RemediationItem r) {
        CheckInfo info = m.checks().get(r.id());
        Remediation fix = info == null ? Remediation.none() : info.remediation();
        if (info != null && !info.description().isBlank()) {
            x.el("p", info.description());
        }
        x.open("ol", "class", "steps");
        x.el("li", fix.text().isBlank() ? "See check " + r.id() + " for what it expects." : fix.text());
        if (!fix.cli().isBlank()) {
            x.open("li").text("Command line:").el("pre", fix.cli()).close();
        }
        if (!fix.terraform().isBlank()) {
            x.open("li").text("Terraform:").el("pre", fix.terraform()).close();
        }
        x.el("li", "Re-run the scan; the item leaves this list when every resource passes.");
        x.close();
        x.el("p", "Resources (" + r.resourceIds().size() + "): " + Fmt.join(r.resourceIds()), "class", "ids");
    }

    private void matrix() {
        x.open("section", "class", "page");
        x.el("h2", "4. Control matrix", "id", "matrix");
        x.open("table", "class", "grid small");
        x.cols("11%", "31%", "13%", "12%", "13%", "12%", "8%");
        x.open("thead").row(true, "Control", "Title", "Type", "Criteria", "Checks passing", "Evidence", "Score").close();
        x.open("tbody");
        for (ControlScore c : a.controls()) {
            x.open("tr").el("td", c.controlId(), "class", "id").el("td", c.title())
                    .el("td", Fmt.label(c.nature()) + ", " + Fmt.label(c.type()))
                    .el("td", Fmt.join(c.criteria()), "class", "ids")
                    .el("td", checksCell(c)).el("td", evidenceCell(c))
                    .el("td", c.tested() ? Fmt.score(c.score()) : "not tested", "class", "num").close();
        }
        x.close().close();
        x.close();
    }

    static String checksCell(ControlScore c) {
        if (c.checks().isEmpty() && c.checksWithoutFindings().isEmpty()) {
            return "—";
        }
        long passing = c.checks().stream().filter(k -> k.tested() && k.nonPassing() == 0).count();
        long tested = c.checks().stream().filter(CheckScore::tested).count();
        String s = passing + " of " + tested + " checks";
        return c.checksWithoutFindings().isEmpty() ? s : s + "; " + c.checksWithoutFindings().size() + " without findings";
    }

    static String evidenceCell(ControlScore c) {
        if (c.evidenceRequirements().isEmpty()) {
            return "—";
        }
        long fresh = c.evidenceRequirements().stream().filter(EvidenceStatus::fresh).count();
        long stale = c.evidenceRequirements().stream().filter(e -> e.freshness() == Freshness.STALE).count();
        return fresh + " of " + c.evidenceRequirements().size() + " fresh" + (stale > 0 ? ", " + stale + " stale" : "");
    }

    private void findings() {
        x.open("section", "class", "page");
        x.el("h2", "5. Findings per control", "id", "findings");
        x.el("p", "Resources that do not pass (fail, error, unresolved or excepted), with where each was read. "
                + "A check shared by several controls is listed in full under the first.", "class", "note");
        Map<String, String> shownUnder = new HashMap<>();
        for (ControlScore c : a.controls()) {
            List<CheckScore> bad = c.checks().stream().filter(k -> k.findings() > k.outcomes().getOrDefault(Outcome.PASS, 0)
                    + k.outcomes().getOrDefault(Outcome.NOT_APPLICABLE, 0)).toList();
            if (bad.isEmpty()) {
                continue;
            }
            x.open("div", "class", "control");
            x.el("h3", c.controlId() + " — " + c.title());
            for (CheckScore k : bad) {
                checkFindings(c.controlId(), k, shownUnder);
            }
            x.close();
        }
        if (shownUnder.isEmpty()) {
            x.el("p", "No resource fails a check in the scored scan.");
        }
        x.close();
    }

    private void checkFindings(String controlId, CheckScore k, Map<String, String> shownUnder) {
        x.el("h4", k.checkId() + " · " + k.severity().name().toLowerCase(java.util.Locale.ROOT) + " · " + m.checkTitle(k.checkId())
                + " — " + k.passing() + " of " + k.applicable() + " applicable resources pass");
        String first = shownUnder.putIfAbsent(k.checkId(), controlId);
        if (first != null) {
            x.el("p", "Listed under " + first + ".", "class", "note");
            return;
        }
        x.open("table", "class", "grid small");
        x.cols("30%", "9%", "36%", "25%");
        x.open("thead").row(true, "Resource", "Outcome", "Finding", "Source").close();
        x.open("tbody");
        for (Finding f : byCheck().getOrDefault(k.checkId(), List.of())) {
            if (f.outcome() == Outcome.PASS || f.outcome() == Outcome.NOT_APPLICABLE) {
                continue;
            }
            x.open("tr").open("td").el("div", f.resourceName()).el("div", f.resourceId(), "class", "ids").close()
                    .el("td", Fmt.label(f.outcome()), "class", "out-" + f.outcome().name().toLowerCase(java.util.Locale.ROOT))
                    .el("td", f.message()).el("td", f.origin().source() + ": " + f.origin().display(), "class", "ids").close();
        }
        x.close().close();
    }

    private Map<String, List<Finding>> byCheck() {
        if (byCheck == null) {
            byCheck = m.findingsByCheck();
        }
        return byCheck;
    }

    private void evidence() {
        x.open("section", "class", "page");
        x.el("h2", "6. Evidence index", "id", "evidence");
        x.el("p", m.evidence().size() + " vault entries. Each digest is the SHA-256 of the stored content; "
                + "'vouch vault verify' (or the auditor bundle's Verify.java) proves every entry is in the signed log.", "class", "note");
        Page.evidenceTable(x, m.evidence());
        Page.seal(x, m.seal());
        x.close();
    }
}
