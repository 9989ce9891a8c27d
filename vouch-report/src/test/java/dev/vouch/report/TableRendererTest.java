package dev.vouch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.ScanResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableRendererTest {

    @Test
    void plainOutputMatchesGolden() throws Exception {
        String out = Golden.render(new TableRenderer(false, 100), SampleScan.input());
        assertThat(out).doesNotContain("\u001b[");
        Golden.assertMatches(out, "table.txt");
    }

    @Test
    void narrowOutputWrapsWithoutBreakingIds() throws Exception {
        String out = Golden.render(new TableRenderer(false, 60), SampleScan.input());
        Golden.assertMatches(out, "table-60.txt");
        assertThat(out).contains(SampleScan.SUB + "/resourceGroups/rg-bcdr/providers/Microsoft.RecoveryServices/vaults/rsv-prod");
        assertThat(out.lines().filter(l -> !l.contains("/subscriptions/"))).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(60));
    }

    @Test
    void colourOutputUsesAnsiAndSameText() {
        String coloured = Golden.render(new TableRenderer(true, 100), SampleScan.input());
        assertThat(coloured).contains("\u001b[1;31mCRITICAL (1)\u001b[0m").contains("\u001b[1m");
        String stripped = coloured.replaceAll("\u001b\\[[0-9;]*m", "");
        assertThat(stripped).isEqualTo(Golden.render(new TableRenderer(false, 100), SampleScan.input()));
    }

    @Test
    void readinessCountsPerCategory() {
        List<Readiness> rows = Readiness.of(SampleScan.input());
        assertThat(rows).extracting(Readiness::category).containsExactly(
                TrustCategory.SECURITY, TrustCategory.AVAILABILITY, TrustCategory.CONFIDENTIALITY);
        Readiness security = rows.get(0);
        // AZ-STG-003 (FAIL, UNKNOWN), AZ-SQL-002 (FAIL), AZ-RSV-001 (FAIL), LNX-SSH-004 (ERROR): all failing
        assertThat(security.checksFailing()).isEqualTo(4);
        assertThat(security.checksPassing()).isZero();
        assertThat(security.passing()).isEqualTo(2);
        assertThat(security.applicable()).isEqualTo(7);
        assertThat(security.passRatePercent()).isEqualTo(28);
        Readiness confidentiality = rows.get(2);
        assertThat(confidentiality.checksPassing()).isEqualTo(1);
        assertThat(confidentiality.checksFailing()).isEqualTo(1);
        assertThat(confidentiality.passRatePercent()).isEqualTo(60);
    }

    @Test
    void emptyScanSaysSo() {
        ScanResult empty = new ScanResult(Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-02T09:15:00.250Z"),
                List.of("terraform:empty/"), 0, List.of(), List.of(), List.of(), List.of());
        String out = Golden.render(new TableRenderer(false), new ReportInput(empty, Map.of()));
        assertThat(out).contains("took 250 ms").contains("No checks ran.").endsWith("Result: no failing findings\n");
    }

    @Test
    void categoryFromCriterionPrefix() {
        assertThat(TrustCategory.ofCriterion("CC6.1")).isEqualTo(TrustCategory.SECURITY);
        assertThat(TrustCategory.ofCriterion("C1.2")).isEqualTo(TrustCategory.CONFIDENTIALITY);
        assertThat(TrustCategory.ofCriterion("PI1.3")).isEqualTo(TrustCategory.PROCESSING_INTEGRITY);
        assertThat(TrustCategory.ofCriterion("P3.2")).isEqualTo(TrustCategory.PRIVACY);
        assertThat(TrustCategory.ofCriterion("A1.1")).isEqualTo(TrustCategory.AVAILABILITY);
        assertThat(TrustCategory.ofCriterion("ISO-5.15")).isEqualTo(TrustCategory.UNMAPPED);
    }

    @Test
    void rejectsUnusableWidth() {
        assertThatThrownBy(() -> new TableRenderer(false, 10)).hasMessageContaining("at least 40");
    }
}
