package dev.vouch.assess;

import static dev.vouch.assess.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemediationTest {

    @TempDir
    Path dir;
    Catalog catalog;
    Scorer scorer;
    Assessment a;

    @BeforeEach
    void score() {
        catalog = Fixtures.catalog(dir);
        scorer = new Scorer(catalog, Set.of(Category.AVAILABILITY), CLOCK);
        a = scorer.score(Fixtures.findings(), Fixtures.evidence());
    }

    /*
     * Base overall 40.5 (ScorerTest). With one fix each:
     *  review_record for VC-MAN-01: security (63.9+80+24)/2.4 = 70.0; overall (168+50)/3.4 = 64.1 → +23.6
     *  test_record for VC-AVL-01: availability 100; overall (87.84+100)/3.4 = 55.2 → +14.7
     *  config_export for VC-HYB-01: hybrid 90; security 117.9/2.4 = 49.1; overall 167.84/3.4 = 49.4 → +8.9
     *  CHK-A: 100 → VC-AUT-01 550/6 = 91.7; security 115.7/2.4 = 48.2; overall 165.68/3.4 = 48.7 → +8.2
     *  CHK-B: 100 → VC-AUT-01 433.5/6 = 72.3; security 96.3/2.4 = 40.1; overall 146.24/3.4 = 43.0 → +2.5
     *  CHK-C: 100 → hybrid 50; security 93.9/2.4 = 39.1; overall 143.84/3.4 = 42.3 → +1.8
     */
    @Test
    void orderedByGainWithKnownAnswers() {
        assertThat(a.remediation()).extracting(RemediationItem::id).containsExactly(
                "VC-MAN-01/0:review_record", "VC-AVL-01/1:test_record", "VC-HYB-01/0:config_export",
                "CHK-A", "CHK-B", "CHK-C");
        assertThat(a.remediation()).extracting(RemediationItem::gain).containsExactly(23.6, 14.7, 8.9, 8.2, 2.5, 1.8);
        RemediationItem chkA = a.remediation().get(3);
        assertThat(chkA.kind()).isEqualTo(RemediationItem.Kind.FIX_CHECK);
        assertThat(chkA.severity()).isEqualTo("high");
        assertThat(chkA.resourceIds()).containsExactly("a2");
        assertThat(chkA.controlIds()).containsExactly("VC-AUT-01");
        assertThat(chkA.overallAfter()).isEqualTo(48.7);
    }

    @Test
    void checkGainEqualsTheRecomputedScoreDifference() {
        for (RemediationItem item : a.remediation()) {
            if (item.kind() != RemediationItem.Kind.FIX_CHECK) {
                continue;
            }
            List<Finding> fixed = Fixtures.findings().stream()
                    .map(f -> f.checkId().equals(item.id()) && f.outcome().isNonPassing() ? f.withOutcome(Outcome.PASS, "") : f)
                    .toList();
            double after = scorer.score(fixed, Fixtures.evidence()).overall();
            assertThat(item.overallAfter()).isEqualTo(after);
            assertThat(item.gain()).isEqualTo(BigDecimal.valueOf(after).subtract(BigDecimal.valueOf(a.overall())).doubleValue());
        }
    }

    @Test
    void evidenceGainEqualsTheRecomputedScoreDifference() {
        List<EvidenceItem> more = new ArrayList<>(Fixtures.evidence());
        more.add(Fixtures.item("review_record", "VC-MAN-01", Duration.ZERO, 99));
        double after = scorer.score(Fixtures.findings(), more).overall();
        assertThat(after).isEqualTo(64.1);
        assertThat(a.remediation().get(0).gain()).isEqualTo(23.6);
        assertThat(a.remediation().get(0).action())
                .isEqualTo("Add fresh review_record evidence for VC-MAN-01 (quarterly, missing): Signed-off access review");
    }

    @Test
    void equalGainsFallBackToSeverityThenId() {
        RemediationItem low = new RemediationItem(RemediationItem.Kind.FIX_CHECK, "A-1", "", "low", 1.0, 0, List.of(), List.of());
        RemediationItem high = new RemediationItem(RemediationItem.Kind.FIX_CHECK, "Z-1", "", "high", 1.0, 0, List.of(), List.of());
        RemediationItem ev = new RemediationItem(RemediationItem.Kind.ADD_EVIDENCE, "B/0:policy", "", "", 1.0, 0, List.of(), List.of());
        RemediationItem high2 = new RemediationItem(RemediationItem.Kind.FIX_CHECK, "Y-1", "", "high", 1.0, 0, List.of(), List.of());
        List<RemediationItem> items = new ArrayList<>(List.of(ev, low, high, high2));
        items.sort(RemediationPlanner.ORDER);
        assertThat(items).extracting(RemediationItem::id).containsExactly("Y-1", "Z-1", "A-1", "B/0:policy");
    }

    @Test
    void passingChecksAndFreshEvidenceAreNotListed() {
        List<EvidenceItem> all = List.of(
                Fixtures.item("review_record", "VC-MAN-01", Duration.ofDays(1), 1),
                Fixtures.item("config_export", "VC-HYB-01", Duration.ofDays(1), 2),
                Fixtures.item("report", "VC-AVL-01", Duration.ofDays(1), 3),
                Fixtures.item("test_record", "VC-AVL-01", Duration.ofDays(1), 4));
        Assessment full = scorer.score(Fixtures.findings(), all);
        assertThat(full.remediation()).extracting(RemediationItem::kind).containsOnly(RemediationItem.Kind.FIX_CHECK);
    }
}
