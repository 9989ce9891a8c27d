package dev.vouch.assess;

import static dev.vouch.assess.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.catalog.Category;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplanationTest {

    /** {@code X = (w×s + w×NOT TESTED→0) / (w+w) = r}. */
    private static final Pattern MEAN = Pattern.compile("^(\\S+)(?: automated)? = \\((.+)\\) / \\((.+)\\) = (\\d+\\.\\d)$");
    private static final Pattern TERM = Pattern.compile("(\\d+\\.\\d)×(\\d+\\.\\d|NOT TESTED→0)");
    private static final Pattern RESULT = Pattern.compile("= (\\d+\\.\\d)(?: \\(.*\\))?$");

    @TempDir
    Path dir;
    Assessment a;

    @BeforeEach
    void score() {
        a = new Scorer(Fixtures.catalog(dir), Set.of(Category.AVAILABILITY), CLOCK)
                .score(Fixtures.findings(), Fixtures.evidence());
    }

    @Test
    void criterionTreeNamesControlsChecksResourcesAndEvidence() {
        Explanation e = a.explain("cc6.1");
        assertThat(e.kind()).isEqualTo(Explanation.Kind.CRITERION);
        assertThat(e.subject()).isEqualTo("CC6.1");
        assertThat(e.score()).isEqualTo(35.5);
        assertThat(e.controls()).extracting(ControlScore::controlId).containsExactly("VC-AUT-01", "VC-MAN-01");
        assertThat(e.controls().get(0).checks()).extracting(CheckScore::nonPassingResourceIds)
                .containsExactly(List.of("a2"), List.of("b2", "b3"));
        assertThat(e.controls().get(1).evidenceRequirements().get(0).freshness()).isEqualTo(Freshness.MISSING);
        assertThat(e.lines()).containsExactly(
                "now = 2025-07-01T00:00:00Z",
                "CHK-A = 100×(5×2) / (5×3) = 100×10/15 = 66.7",
                "CHK-B = 100×(1×2) / (1×4) = 100×2/4 = 50.0",
                "VC-AUT-01 automated = (5.0×66.7 + 1.0×50.0) / (5.0+1.0) = 63.9",
                "VC-AUT-01 = automated 63.9",
                "VC-MAN-01 evidence review_record (quarterly, fresh for 92 d + 10% = 101.2 d after the covered period"
                        + " ends): MISSING, no item recorded",
                "VC-MAN-01 evidence: no item recorded",
                "VC-MAN-01 = NOT TESTED (no applicable check findings and no evidence recorded): counts as 0, never as passing",
                "CC6.1 = (1.0×63.9 + 0.8×NOT TESTED→0) / (1.0+0.8) = 35.5");
    }

    @Test
    void everyMeanInTheLinesRecomputesAndUsesOnlyNumbersFromLinesAbove() {
        int checked = 0;
        for (String subject : List.of("CC6.1", "CC6.2", "A1.1", "VC-HYB-01", "security", "availability")) {
            List<String> lines = a.explain(subject).lines();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = MEAN.matcher(lines.get(i));
                if (m.matches()) {
                    assertRecomputes(m, lines.subList(0, i));
                    checked++;
                }
            }
        }
        // CC6.1: 2 (VC-AUT-01 automated, CC6.1); CC6.2: 2 (VC-HYB-01 automated, CC6.2); A1.1: 1;
        // VC-HYB-01: 1; security: 3 (two automated parts, security); availability: 1
        assertThat(checked).isEqualTo(10);
    }

    private static void assertRecomputes(Matcher m, List<String> above) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weight = BigDecimal.ZERO;
        Matcher t = TERM.matcher(m.group(2));
        while (t.find()) {
            BigDecimal w = new BigDecimal(t.group(1));
            weight = weight.add(w);
            if (!t.group(2).startsWith("NOT")) {
                sum = sum.add(w.multiply(new BigDecimal(t.group(2))));
                assertThat(above).as("%s is the result of a line above %s", t.group(2), m.group(0))
                        .anySatisfy(l -> assertThat(resultOf(l)).isEqualTo(t.group(2)));
            }
        }
        assertThat(sum.divide(weight, 1, RoundingMode.HALF_UP).toPlainString()).isEqualTo(m.group(4));
    }

    private static String resultOf(String line) {
        Matcher r = RESULT.matcher(line);
        if (r.find()) {
            return r.group(1);
        }
        Matcher last = Pattern.compile("(?:automated|evidence) (\\d+\\.\\d)").matcher(line);
        return last.find() ? last.group(1) : "";
    }

    @Test
    void controlAndCategoryCanBeExplained() {
        Explanation control = a.explain("VC-HYB-01");
        assertThat(control.kind()).isEqualTo(Explanation.Kind.CONTROL);
        assertThat(control.lines()).last().isEqualTo("VC-HYB-01 = (automated 80.0 + evidence 0.0) / 2 = 40.0");
        Explanation security = a.explain("security");
        assertThat(security.kind()).isEqualTo(Explanation.Kind.CATEGORY);
        assertThat(security.lines()).last()
                .isEqualTo("security = (1.0×63.9 + 0.8×NOT TESTED→0 + 0.6×40.0) / (1.0+0.8+0.6) = 36.6");
    }

    @Test
    void unknownIdSaysWhatIsAccepted() {
        assertThatThrownBy(() -> a.explain("CC10.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'CC10.1' is not an in-scope criterion");
    }
}
