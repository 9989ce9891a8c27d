package dev.vouch.report.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The parts every assessment report shares: head and style, evidence index, vault seal, method, foot. */
final class Page {
    private static final String CSS = css();
    /** Standards mode for browsers; the PDF renderer gets the document without it. */
    static final String DOCTYPE = "<!DOCTYPE html>\n";

    private Page() {
    }

    static void head(Xhtml x, String title) {
        x.open("html", "xmlns", "http://www.w3.org/1999/xhtml", "lang", "en");
        x.open("head");
        x.empty("meta", "charset", "UTF-8");
        x.el("title", title);
        x.el("style", CSS);
        x.close();
        x.open("body");
    }

    /** Opens the cover section (closed by the caller after its own notes) and its facts table. */
    static void coverStart(Xhtml x, String kicker, String organization) {
        x.open("section", "class", "cover");
        x.el("p", kicker, "class", "kicker");
        x.el("h1", organization);
        x.open("table", "class", "facts");
    }

    static void fact(Xhtml x, String name, String value) {
        x.open("tr").el("th", name).el("td", value).close();
    }

    static void foot(Xhtml x) {
        x.close().close();
    }

    static void evidenceTable(Xhtml x, List<EvidenceEntry> entries) {
        if (entries.isEmpty()) {
            x.el("p", "The vault holds no entries yet.");
            return;
        }
        x.open("table", "class", "grid small");
        x.cols("6%", "13%", "17%", "13%", "12%", "12%", "27%");
        x.open("thead").row(true, "#", "Kind", "Name", "Covers", "Recorded", "Controls", "SHA-256").close();
        x.open("tbody");
        for (EvidenceEntry e : entries) {
            String covers = e.coversFrom().equals(e.coversTo()) ? Fmt.day(e.coversFrom())
                    : Fmt.day(e.coversFrom()) + " – " + Fmt.day(e.coversTo());
            x.open("tr").el("td", String.valueOf(e.seq()), "class", "num").el("td", e.kind()).el("td", e.name())
                    .el("td", covers).el("td", Fmt.when(e.recordedAt())).el("td", Fmt.join(e.controls()), "class", "ids")
                    .el("td", e.digest().replaceFirst("^sha256:", ""), "class", "ids").close();
        }
        x.close().close();
    }

    static void seal(Xhtml x, Optional<VaultSeal> seal) {
        x.open("div", "class", "seal");
        x.el("h3", "Signed checkpoint");
        if (seal.isEmpty()) {
            x.el("p", "The vault has no signing key yet, so no checkpoint can be shown (run vouch init).");
        } else {
            VaultSeal s = seal.get();
            x.el("p", "The vault's newest checkpoint, signed with the key " + s.keyFingerprint() + ". It commits to the first "
                    + s.treeSize() + " entries: keep it, and 'vouch vault consistency' proves any later log extends it.");
            x.el("pre", s.note());
        }
        x.close();
    }

    static void method(Xhtml x) {
        x.open("section", "class", "page");
        x.el("h2", "Method", "id", "method");
        String severities = java.util.Arrays.stream(dev.vouch.model.Severity.values())
                .map(s -> s.label() + " " + s.weight()).collect(java.util.stream.Collectors.joining(", "));
        x.el("p", "Check score: severity-weighted share of applicable resources that pass (" + severities + "). "
                + "Control score: its checks' combined score; manual controls are scored by evidence freshness (fresh when it "
                + "covers the control's cadence window, with 10 % grace); hybrid controls average the two halves. "
                + "Criterion, category and overall scores weight controls by type (preventive 1.0, detective 0.8, corrective 0.6). "
                + "A control with neither automated findings nor evidence is 'not tested' and counts as 0, never as passing.");
        x.el("p", "Bands: below 60 not ready; 60 to 80 remediation needed; 80 to 90 nearly ready; 90 and above ready for the "
                + "auditor. The full rules, with worked examples, are in docs/scoring.md; 'vouch score --explain <id>' "
                + "prints the arithmetic behind any number in this report.");
        x.close();
    }

    private static String css() {
        try (InputStream in = Page.class.getResourceAsStream("/dev/vouch/report/report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report.css", e);
        }
    }
}
