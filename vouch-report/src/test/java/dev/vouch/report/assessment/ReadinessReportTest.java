package dev.vouch.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.assess.Assessment;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readiness PDF as a reader sees it: extracted text, page images, fonts. */
class ReadinessReportTest {
    static final ReadinessModel MODEL = ReportFixtures.readiness();
    static final PdfPages PDF = PdfPages.of(Pdf.readiness(MODEL));

    @Test
    void coverAndSummaryCarryTheScoredNumbers() {
        Assessment a = MODEL.assessment();
        String cover = PDF.page(1);
        assertThat(cover).contains("READINESS", "Acme Analytics, Inc.",
                Fmt.score(a.overall()) + " / 100 — not ready", "#3, finished 2026-06-02 08:00 UTC, 3 resources",
                "terraform:infra/terraform", "42 entries, root abababababababab");
        String summary = PDF.page(2);
        assertThat(summary.replaceAll("\\s+", " ")).contains("1. Executive summary", "Overall " + Fmt.score(a.overall()) + " — not ready.",
                "2 of " + a.controls().size() + " in-scope controls are tested", "1 check has failing", "Trend");
    }

    @Test
    void everyCriterionAndControlIsListed() {
        for (var c : MODEL.assessment().criteria()) {
            assertThat(PDF.text()).contains(c.criterionId());
        }
        for (var c : MODEL.assessment().controls()) {
            assertThat(PDF.text()).contains(c.controlId());
        }
    }

    @Test
    void remediationGivesStepsAndFindingsTheirSourceLocation() {
        assertThat(PDF.flat()).contains("3. Top remediation items", "Configuration fixes", "Missing or stale evidence",
                "Set public_network_access_enabled = false.",
                "az storage account update --public-network-access Disabled",
                "vouch evidence add FILE --control");
        assertThat(PDF.flat()).contains("5. Findings per control", ReportFixtures.FAILING,
                "1 of 3 applicable resources pass", "stacme01", "stacme02");
        assertThat(PDF.text().replaceAll("\\s+", "")).contains("terraform:infra/storage.tf:12", "terraform:infra/storage.tf:40")
                .doesNotContain("infra/storage.tf:71"); // the passing resource is counted, not listed
    }

    @Test
    void evidenceIndexShowsDigestsAndTheSignedCheckpoint() {
        String text = PDF.text().replaceAll("\\s+", "");
        assertThat(text).contains("cd".repeat(32), "ab".repeat(32), "policy-review-2026.pdf".replaceAll("\\s", ""));
        assertThat(PDF.text()).contains("6. Evidence index", "Signed checkpoint", "SHA256:EXAMPLEfingerprint",
                "q83vEjUHtU9kvVrcyTnJmXyJpdcW8W8PDd4pB1e1GvI=");
    }

    @Test
    void fontsAreEmbeddedAndTextHasNoLigatures() {
        assertThat(PDF.allFontsEmbedded()).isTrue();
        assertThat(PDF.text()).doesNotContain("\uFB01", "\uFB02").contains("findings", "fingerprint");
    }

    @Test
    void chartsAreDrawnOnTheSummaryPage() {
        BufferedImage page = PDF.image(2);
        // the gauge sits top left under the heading, the trend across the lower half
        assertThat(PdfPages.inked(page, 20, 60, 190, 200)).isGreaterThan(0.05);
        assertThat(PdfPages.inked(page, 20, 300, 400, 420)).isGreaterThan(0.02);
    }

    @Test
    void longTablesPaginateWithoutLosingARow() {
        List<Finding> many = new ArrayList<>(MODEL.findings());
        for (int i = 0; i < 400; i++) {
            many.add(ReportFixtures.finding(ReportFixtures.FAILING, String.format("bulk%03d", i), Outcome.FAIL, 100 + i));
        }
        ReadinessModel big = ReportFixtures.readiness(many);
        PdfPages pdf = PdfPages.of(Pdf.readiness(big));
        assertThat(pdf.pages()).isGreaterThan(PDF.pages() + 5);
        for (int i = 0; i < 400; i++) {
            assertThat(pdf.text()).contains(String.format("bulk%03d", i));
        }
        assertThat(pdf.flat()).contains("1 of 403 applicable resources pass");
    }

    @Test
    void htmlIsWellFormedWithInlineCharts() throws Exception {
        String html = ReadinessHtml.html(MODEL);
        assertThat(html).startsWith("<!DOCTYPE html>\n");
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        String body = html.substring("<!DOCTYPE html>\n".length());
        var doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("img").getLength()).isEqualTo(3);
        assertThat(html).contains("data:image/png;base64,", "Acme Analytics, Inc.", "stacme02");
    }

    @Test
    void markupInFindingsIsEscapedNotInterpreted() {
        List<Finding> evil = new ArrayList<>(MODEL.findings());
        evil.add(new Finding(ReportFixtures.FAILING, dev.vouch.model.Severity.HIGH, "t", "/x/<script>", "<b>&evil</b>", "azure",
                Outcome.FAIL, "name has <img src=x onerror=alert(1)>", new dev.vouch.model.Origin("terraform", "a.tf", 1), ""));
        String html = ReadinessHtml.html(ReportFixtures.readiness(evil));
        assertThat(html).contains("&lt;b&gt;&amp;evil&lt;/b&gt;", "&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<script>");
        assertThat(PdfPages.of(Pdf.readiness(ReportFixtures.readiness(evil))).text()).contains("<b>&evil</b>");
    }
}
