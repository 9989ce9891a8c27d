package dev.vouch.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.assess.sample.Sample;
import dev.vouch.assess.type2.ControlResult;
import org.junit.jupiter.api.Test;

/**
 * The Type II PDF over the constructed June (3-day scan gap, an exception within its SLA and one beyond,
 * a 12-change population sampled): the known answers must be on the page.
 */
class Type2ReportTest {
    static final Type2Model MODEL = ReportFixtures.type2();
    static final PdfPages PDF = PdfPages.of(Pdf.type2(MODEL));

    @Test
    void coverStatesTheWindowAndTheVerdicts() {
        String cover = PDF.page(1).replaceAll("\\s+", " ");
        assertThat(cover).contains("SOC 2 TYPE II OBSERVATION REPORT", "Acme Analytics, Inc.",
                "2024-06-01 – 2024-06-30 (dates inclusive, UTC)", "27 (expected cadence 1 d)", "1 NOT EFFECTIVE", "1 NOT TESTED",
                "critical 7 d, high 30 d");
    }

    @Test
    void coverageGapAndExceptionsWithTheirSla() {
        String t = PDF.flat();
        ControlResult c = MODEL.report().control(ReportFixtures.AUTOMATED.id()).orElseThrow();
        assertThat(t).contains("90.0 % (27/30)", "2. Coverage gaps", "2024-06-11 00:00 UTC 2024-06-14 00:00 UTC 3");
        assertThat(c.exceptions()).hasSize(2);
        assertThat(t).contains("3. Exceptions", ReportFixtures.PASSING + " · critical · SLA 7 d · controls " + ReportFixtures.AUTOMATED.id()
                + " — 1: 1 beyond", "kv-1", "2024-06-01 12:00 UTC → 2024-06-25 12:00 UTC 24 d beyond",
                ReportFixtures.FAILING + " · high · SLA 30 d", "vm-1", "10 d within");
        assertThat(t).contains("1 exception beyond SLA: " + ReportFixtures.PASSING + " on kv-1 (critical, 24 d > SLA 7 d)");
    }

    @Test
    void missedOccurrencesOfTheManualControl() {
        assertThat(PDF.flat()).contains("4. Occurrences", ReportFixtures.MANUAL.id(), "annual 1 0 period 1");
    }

    @Test
    void samplePicksAreListedInDrawOrderWithTheSeed() {
        Sample s = MODEL.samples().get(0).sample();
        String t = PDF.flat();
        assertThat(t).contains("VC-CHG-01 — changes: 4 of 12", "checkpoint root " + "ab".repeat(32));
        int last = -1;
        for (Sample.Pick p : s.picks()) {
            int at = t.indexOf(p.hash().substring(0, 16));
            assertThat(at).as("draw %d (%s) is listed after the previous draw", p.draw(), p.item().id()).isGreaterThan(last);
            assertThat(t.substring(at - 60, at)).contains(p.item().id());
            last = at;
        }
    }

    @Test
    void evidenceAndSealCloseTheReport() {
        assertThat(PDF.flat()).contains("7. Evidence index", "Signed checkpoint");
        assertThat(PDF.text().replaceAll("\\s+", "")).contains("policy-review-2026.pdf");
        assertThat(PDF.allFontsEmbedded()).isTrue();
    }
}
