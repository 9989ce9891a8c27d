package dev.vouch.assess;

import static dev.vouch.assess.Fixtures.CLOCK;
import static dev.vouch.assess.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {

    @TempDir
    Path dir;
    Catalog catalog;
    Assessment a;

    @BeforeEach
    void score() {
        catalog = Fixtures.catalog(dir);
        a = new Scorer(catalog, Set.of(Category.AVAILABILITY), CLOCK).score(Fixtures.findings(), Fixtures.evidence());
    }

    @Test
    void checkScoresWeighSeverityAndCountExceptedAsPassingErrorAndUnknownAsFailing() {
        CheckScore chkA = a.control("VC-AUT-01").orElseThrow().checks().get(0);
        // CHK-A: PASS + EXCEPTED pass, FAIL fails, N/A left out: 100×(5×2)/(5×3) = 66.7
        assertThat(chkA.applicable()).isEqualTo(3);
        assertThat(chkA.passing()).isEqualTo(2);
        assertThat(chkA.score()).isEqualTo(66.7);
        assertThat(chkA.nonPassingResourceIds()).containsExactly("a2");
        assertThat(chkA.arithmetic()).isEqualTo("CHK-A = 100×(5×2) / (5×3) = 100×10/15 = 66.7");
        CheckScore chkB = a.control("VC-AUT-01").orElseThrow().checks().get(1);
        // CHK-B: ERROR and UNKNOWN are applicable and not passing: 100×(1×2)/(1×4) = 50.0
        assertThat(chkB.score()).isEqualTo(50.0);
        assertThat(chkB.nonPassingResourceIds()).containsExactly("b2", "b3");
    }

    @Test
    void automatedPartIsSeverityWeightedMeanOfChecks() {
        // (5×66.7 + 1×50.0) / (5+1) = 383.5/6 = 63.92 → 63.9 (an unweighted mean would be 58.4)
        ControlScore c = a.control("VC-AUT-01").orElseThrow();
        assertThat(c.status()).isEqualTo(Status.SCORED);
        assertThat(c.automated()).isEqualTo(63.9);
        assertThat(c.score()).isEqualTo(63.9);
        assertThat(c.arithmetic()).contains("VC-AUT-01 automated = (5.0×66.7 + 1.0×50.0) / (5.0+1.0) = 63.9");
    }

    @Test
    void mixedSeveritiesInsideOneCheckAreWeighted() {
        // one critical FAIL (w 10) and one low PASS (w 1): 100×(10×0 + 1×1)/(10×1 + 1×1) = 100/11 = 9.1
        CheckScore cs = CheckScoring.score("CHK-X", List.of(
                finding("CHK-X", Severity.LOW, "x1", Outcome.PASS),
                finding("CHK-X", Severity.CRITICAL, "x2", Outcome.FAIL)));
        assertThat(cs.score()).isEqualTo(9.1);
        assertThat(cs.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(cs.arithmetic()).isEqualTo("CHK-X = 100×(10×0 + 1×1) / (10×1 + 1×1) = 100×1/11 = 9.1");
    }

    @Test
    void checkWithOnlyNotApplicableFindingsHasNoScoreAndIsLeftOutOfTheControl() {
        List<Finding> findings = new ArrayList<>(Fixtures.findings());
        findings.removeIf(f -> f.checkId().equals("CHK-B"));
        findings.add(finding("CHK-B", Severity.LOW, "b9", Outcome.NOT_APPLICABLE));
        ControlScore c = new Scorer(catalog, Set.of(), CLOCK).score(findings, List.of()).control("VC-AUT-01").orElseThrow();
        assertThat(c.checks().get(1).status()).isEqualTo(Status.NOT_TESTED);
        // only CHK-A remains: (5×66.7)/5 = 66.7
        assertThat(c.score()).isEqualTo(66.7);
    }

    @Test
    void notTestedControlPullsItsCriterionDownAsZero() {
        ControlScore manual = a.control("VC-MAN-01").orElseThrow();
        assertThat(manual.status()).isEqualTo(Status.NOT_TESTED);
        assertThat(a.notTested()).extracting(ControlScore::controlId).containsExactly("VC-MAN-01");
        CriterionScore cc61 = a.criterion("CC6.1").orElseThrow();
        // (1.0×63.9 + 0.8×0) / (1.0+0.8) = 63.9/1.8 = 35.5
        assertThat(cc61.score()).isEqualTo(35.5);
        assertThat(cc61.band()).isEqualTo(Band.NOT_READY);
        assertThat(cc61.notTested()).isEqualTo(1);
        assertThat(cc61.arithmetic()).isEqualTo("CC6.1 = (1.0×63.9 + 0.8×NOT TESTED→0) / (1.0+0.8) = 35.5");
    }

    @Test
    void hybridIsMeanOfAutomatedAndEvidenceParts() {
        // CHK-C 80.0; config_export 40 days old > 34.1 d monthly limit → evidence 0/1 = 0.0; (80.0+0.0)/2 = 40.0
        ControlScore h = a.control("VC-HYB-01").orElseThrow();
        assertThat(h.evidenceRequirements().get(0).freshness()).isEqualTo(Freshness.STALE);
        assertThat(h.hasEvidence()).isTrue();
        assertThat(h.score()).isEqualTo(40.0);
        assertThat(h.formula()).isEqualTo("VC-HYB-01 = (automated 80.0 + evidence 0.0) / 2 = 40.0");
        // fresh export (20 days) → (80.0+100.0)/2 = 90.0
        Assessment fresh = new Scorer(catalog, Set.of(), CLOCK).score(Fixtures.findings(),
                List.of(Fixtures.item("config_export", "VC-HYB-01", Duration.ofDays(20), 1)));
        assertThat(fresh.control("VC-HYB-01").orElseThrow().score()).isEqualTo(90.0);
    }

    @Test
    void hybridWithoutAnyEvidenceCountsTheEvidencePartAsZeroAndWithoutFindingsUsesEvidenceAlone() {
        Assessment noEvidence = new Scorer(catalog, Set.of(), CLOCK).score(Fixtures.findings(), List.of());
        assertThat(noEvidence.control("VC-HYB-01").orElseThrow().formula())
                .isEqualTo("VC-HYB-01 = (automated 80.0 + evidence MISSING→0) / 2 = 40.0");
        Assessment noFindings = new Scorer(catalog, Set.of(), CLOCK).score(List.of(),
                List.of(Fixtures.item("config_export", "VC-HYB-01", Duration.ofDays(1), 1)));
        ControlScore h = noFindings.control("VC-HYB-01").orElseThrow();
        assertThat(h.hasAutomated()).isFalse();
        assertThat(h.score()).isEqualTo(100.0);
        assertThat(h.checksWithoutFindings()).containsExactly("CHK-C");
    }

    @Test
    void categoriesAndOverallAreWeightedByControlType() {
        // security: (1.0×63.9 + 0.8×0 + 0.6×40.0)/(1.0+0.8+0.6) = 87.9/2.4 = 36.6
        // availability: VC-AVL-01 evidence 1 fresh of 2 = 50.0 → 50.0, weight 1.0
        // overall: (2.4×36.6 + 1.0×50.0)/(2.4+1.0) = 137.84/3.4 = 40.5
        assertThat(a.categories()).extracting(CategoryScore::category)
                .containsExactly(Category.SECURITY, Category.AVAILABILITY);
        CategoryScore security = a.categories().get(0);
        assertThat(security.score()).isEqualTo(36.6);
        assertThat(security.weight()).isEqualTo(2.4);
        assertThat(a.categories().get(1).score()).isEqualTo(50.0);
        assertThat(a.overall()).isEqualTo(40.5);
        assertThat(a.band()).isEqualTo(Band.NOT_READY);
        assertThat(a.overallArithmetic()).isEqualTo("overall = (2.4×36.6 + 1.0×50.0) / (2.4+1.0) = 40.5");
    }

    @Test
    void securityIsAlwaysInScopeAndOtherCategoriesOnlyWhenAsked() {
        Assessment securityOnly = new Scorer(catalog, Set.of(), CLOCK).score(Fixtures.findings(), Fixtures.evidence());
        assertThat(securityOnly.scope()).containsExactly(Category.SECURITY);
        assertThat(securityOnly.criteria()).extracting(CriterionScore::criterionId).containsExactly("CC6.1", "CC6.2");
        assertThat(securityOnly.control("VC-AVL-01")).isEmpty();
        assertThat(securityOnly.overall()).isEqualTo(36.6);
    }

    @Test
    void nothingAtAllIsNotTestedNeverPassing() {
        Assessment empty = new Scorer(catalog, Set.of(), CLOCK).score(List.of(), List.of());
        assertThat(empty.status()).isEqualTo(Status.NOT_TESTED);
        assertThat(empty.overall()).isEqualTo(0.0);
        assertThat(empty.notTested()).hasSize(3);
        assertThat(empty.criteria()).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.NOT_TESTED));
    }

    @Test
    void unmappedChecksAreListedNotScored() {
        List<Finding> findings = new ArrayList<>(Fixtures.findings());
        findings.add(finding("CHK-ORPHAN", Severity.CRITICAL, "o1", Outcome.FAIL));
        Assessment withOrphan = new Scorer(catalog, Set.of(Category.AVAILABILITY), CLOCK).score(findings, Fixtures.evidence());
        assertThat(withOrphan.unmappedChecks()).containsExactly("CHK-ORPHAN");
        assertThat(withOrphan.overall()).isEqualTo(a.overall());
    }

    @Test
    void sameInputInAnyOrderGivesTheSameAssessment() {
        List<Finding> findings = new ArrayList<>(Fixtures.findings());
        List<EvidenceItem> evidence = new ArrayList<>(Fixtures.evidence());
        Collections.shuffle(findings, new Random(7));
        Collections.reverse(evidence);
        Assessment again = new Scorer(catalog, Set.of(Category.AVAILABILITY), CLOCK).score(findings, evidence);
        assertThat(again).isEqualTo(a);
        assertThat(new ScoreText(10).summary(again)).isEqualTo(new ScoreText(10).summary(a));
        assertThat(again.remediation()).extracting(RemediationItem::id)
                .containsExactlyElementsOf(a.remediation().stream().map(RemediationItem::id).toList());
    }

    @Test
    void overallAloneEqualsTheFullScoresOverall(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Scorer scorer = new Scorer(Fixtures.catalog(dir), java.util.EnumSet.of(dev.vouch.catalog.Category.AVAILABILITY), Fixtures.CLOCK);
        var findings = java.util.List.of(
                Fixtures.finding("CHK-A", dev.vouch.model.Severity.HIGH, "r1", dev.vouch.model.Outcome.PASS),
                Fixtures.finding("CHK-A", dev.vouch.model.Severity.HIGH, "r2", dev.vouch.model.Outcome.FAIL),
                Fixtures.finding("CHK-C", dev.vouch.model.Severity.MEDIUM, "r3", dev.vouch.model.Outcome.FAIL));
        double full = scorer.score(findings, java.util.List.of()).overall();
        org.assertj.core.api.Assertions.assertThat(full).isPositive();
        org.assertj.core.api.Assertions.assertThat(scorer.overall(findings, java.util.List.of())).isEqualTo(full);
    }
}
