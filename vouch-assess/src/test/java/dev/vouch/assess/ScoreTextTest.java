package dev.vouch.assess;

import static dev.vouch.assess.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreTextTest {

    @TempDir
    Path dir;

    @Test
    void summaryShowsOverallCategoriesCriteriaNotTestedAndRemediation() {
        Assessment a = new Scorer(Fixtures.catalog(dir), Set.of(Category.AVAILABILITY), CLOCK)
                .score(Fixtures.findings(), Fixtures.evidence());
        String text = new ScoreText(2).summary(a);
        assertThat(text).contains("Overall 40.5  NOT READY\n")
                .contains("  overall = (2.4×36.6 + 1.0×50.0) / (2.4+1.0) = 40.5\n")
                .contains("  Security                36.6  NOT READY              weight    2.4  controls 3, not tested 1\n")
                .contains("  CC6.1     35.5  NOT READY                     2  1\n")
                .contains("  VC-MAN-01    detective  manual    Access is reviewed every quarter\n")
                .contains("(top 2 of 6)")
                .contains("  +23.6 →  64.1  Add fresh review_record evidence for VC-MAN-01")
                .contains("  +14.7 →  55.2  Add fresh test_record evidence for VC-AVL-01")
                .doesNotContain("Fix check CHK-C");
    }

    @Test
    void explainEndsWithTheFormulaAndListsResources() {
        Assessment a = new Scorer(Fixtures.catalog(dir), Set.of(), CLOCK).score(Fixtures.findings(), Fixtures.evidence());
        String text = new ScoreText(10).explain(a.explain("CC6.1"));
        assertThat(text).startsWith("criterion CC6.1: Logical access is restricted.\nnow = 2025-07-01T00:00:00Z\n")
                .contains("  check CHK-A (high, w=5): 2 passing of 3 applicable; PASS 1, FAIL 1, NOT_APPLICABLE 1,"
                        + " EXCEPTED 1 (EXCEPTED counts as passing)\n    non-passing: a2\n")
                .contains("  evidence review_record (quarterly): MISSING — Signed-off access review\n")
                .endsWith("CC6.1 = (1.0×63.9 + 0.8×NOT TESTED→0) / (1.0+0.8) = 35.5\nCC6.1: 35.5  NOT READY\n");
    }

    @Test
    void defaultCatalogScoresWithNothingRecordedAsAllNotTested() {
        Catalog catalog = Catalog.loadDefault();
        Assessment a = new Scorer(catalog, Set.of(), CLOCK).score(List.of(), List.of());
        assertThat(a.overall()).isEqualTo(0.0);
        assertThat(a.status()).isEqualTo(Status.NOT_TESTED);
        assertThat(a.criteria()).hasSize(33);
        assertThat(a.notTested()).hasSameSizeAs(a.controls());
        assertThat(a.remediation()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.kind()).isEqualTo(RemediationItem.Kind.ADD_EVIDENCE));
        assertThat(new ScoreText(10).summary(a)).contains("Overall 0.0  NOT TESTED");
    }
}
