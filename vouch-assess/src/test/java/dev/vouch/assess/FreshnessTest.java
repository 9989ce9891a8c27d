package dev.vouch.assess;

import static dev.vouch.assess.Fixtures.CLOCK;
import static dev.vouch.assess.Fixtures.NOW;
import static dev.vouch.assess.Fixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Frequency;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreshnessTest {

    @TempDir
    Path dir;
    Catalog catalog;

    @BeforeEach
    void load() {
        catalog = Fixtures.catalog(dir);
    }

    private Freshness manualReview(EvidenceItem... items) {
        Assessment a = new Scorer(catalog, Set.of(), CLOCK).score(List.of(), List.of(items));
        return a.control("VC-MAN-01").orElseThrow().evidenceRequirements().get(0).freshness();
    }

    @ParameterizedTest
    @CsvSource({"CONTINUOUS, 1, 1.1", "DAILY, 1, 1.1", "WEEKLY, 7, 7.7", "MONTHLY, 31, 34.1",
        "QUARTERLY, 92, 101.2", "ANNUAL, 366, 402.6", "PER_EVENT, 366, 402.6"})
    void windowsAndGrace(Frequency cadence, int window, double limit) {
        assertThat(FreshnessRule.windowDays(cadence)).isEqualTo(window);
        assertThat(FreshnessRule.limitDays(cadence).doubleValue()).isEqualTo(limit);
        assertThat(FreshnessRule.limit(cadence)).isEqualTo(Duration.ofSeconds(Math.round(limit * 86_400)));
    }

    @Test
    void quarterlyEvidenceBeyondWindowAndGraceIsStale() {
        // quarterly: 92 d + 9.2 d grace = 101.2 d = 101 d 4 h 48 min after the covered period ends
        assertThat(manualReview(item("review_record", "VC-MAN-01", Duration.ofDays(102), 1))).isEqualTo(Freshness.STALE);
        assertThat(manualReview(item("review_record", "VC-MAN-01", Duration.ofDays(30), 1))).isEqualTo(Freshness.FRESH);
    }

    @Test
    void quarterlyItem100DaysOldIsInsideTheGraceAndWouldBeStaleWithoutIt() {
        // 100 d > 92 d window, but ≤ 101.2 d with the 10 % grace: fresh (see docs/scoring.md)
        assertThat(manualReview(item("review_record", "VC-MAN-01", Duration.ofDays(100), 1))).isEqualTo(Freshness.FRESH);
        Instant coversTo = NOW.minus(Duration.ofDays(100));
        assertThat(NOW.isAfter(coversTo.plus(Duration.ofDays(92)))).isTrue();
    }

    @Test
    void graceBoundaryIsInclusive() {
        Duration limit = Duration.ofDays(101).plusHours(4).plusMinutes(48);
        assertThat(manualReview(item("review_record", "VC-MAN-01", limit, 1))).isEqualTo(Freshness.FRESH);
        assertThat(manualReview(item("review_record", "VC-MAN-01", limit.plusSeconds(1), 1))).isEqualTo(Freshness.STALE);
    }

    @Test
    void noItemIsMissingAndTheControlNotTested() {
        Assessment a = new Scorer(catalog, Set.of(), CLOCK).score(List.of(), List.of());
        ControlScore c = a.control("VC-MAN-01").orElseThrow();
        assertThat(c.evidenceRequirements().get(0).freshness()).isEqualTo(Freshness.MISSING);
        assertThat(c.status()).isEqualTo(Status.NOT_TESTED);
    }

    @Test
    void staleEvidenceScoresZeroButCountsAsTested() {
        Assessment a = new Scorer(catalog, Set.of(), CLOCK).score(List.of(),
                List.of(item("review_record", "VC-MAN-01", Duration.ofDays(200), 1)));
        ControlScore c = a.control("VC-MAN-01").orElseThrow();
        assertThat(c.status()).isEqualTo(Status.SCORED);
        assertThat(c.score()).isEqualTo(0.0);
        assertThat(c.evidenceRequirements().get(0).staleItems()).extracting(EvidenceItem::vaultSeq).containsExactly(1L);
    }

    @Test
    void typedKindMatchesOnlyItsTypeAndUntypedKindMatchesEveryRequirement() {
        assertThat(manualReview(item("policy", "VC-MAN-01", Duration.ofDays(1), 1))).isEqualTo(Freshness.MISSING);
        assertThat(manualReview(item("evidence.manual", "VC-MAN-01", Duration.ofDays(1), 1))).isEqualTo(Freshness.FRESH);
        assertThat(manualReview(item("review_record", "VC-OTHER-01", Duration.ofDays(1), 1))).isEqualTo(Freshness.MISSING);
    }

    @Test
    void itemsRecordedAfterNowAreIgnored() {
        EvidenceItem future = new EvidenceItem("review_record", List.of("VC-MAN-01"), NOW, NOW.plusSeconds(60),
                NOW.plusSeconds(60), 9, "recorded tomorrow");
        assertThat(manualReview(future)).isEqualTo(Freshness.MISSING);
    }

    @Test
    void freshItemsAreListedNewestFirst() {
        Assessment a = new Scorer(catalog, Set.of(), CLOCK).score(List.of(), List.of(
                item("review_record", "VC-MAN-01", Duration.ofDays(50), 1),
                item("review_record", "VC-MAN-01", Duration.ofDays(5), 2),
                item("review_record", "VC-MAN-01", Duration.ofDays(150), 3)));
        EvidenceStatus s = a.control("VC-MAN-01").orElseThrow().evidenceRequirements().get(0);
        assertThat(s.satisfiedBy()).extracting(EvidenceItem::vaultSeq).containsExactly(2L, 1L);
        assertThat(s.staleItems()).extracting(EvidenceItem::vaultSeq).containsExactly(3L);
        assertThat(s.arithmetic()).contains("FRESH, 'review_record #2' (vault #2) covers to 2025-06-26T00:00:00Z,"
                + " fresh until 2025-10-05T04:48:00Z ≥ now");
    }

    @Test
    void invalidItemNamesTheFieldAndItem() {
        assertThatThrownBy(() -> new EvidenceItem("policy", List.of("VC-A-01"), NOW, NOW.minusSeconds(1), NOW, 4, "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'p' (vault #4)").hasMessageContaining("'coversTo'");
        assertThatThrownBy(() -> new EvidenceItem("policy", List.of(), NOW, NOW, NOW, 4, "p"))
                .hasMessageContaining("'controlIds'");
    }
}
