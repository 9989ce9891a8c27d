package dev.vouch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CriteriaTest {

    static final List<String> EXPECTED_IDS = List.of(
            "CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5", "CC2.1", "CC2.2", "CC2.3",
            "CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC4.1", "CC4.2", "CC5.1", "CC5.2", "CC5.3",
            "CC6.1", "CC6.2", "CC6.3", "CC6.4", "CC6.5", "CC6.6", "CC6.7", "CC6.8",
            "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5", "CC8.1", "CC9.1", "CC9.2",
            "A1.1", "A1.2", "A1.3", "C1.1", "C1.2", "PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5",
            "P1.1", "P2.1", "P3.1", "P3.2", "P4.1", "P4.2", "P4.3", "P5.1", "P5.2",
            "P6.1", "P6.2", "P6.3", "P6.4", "P6.5", "P6.6", "P6.7", "P7.1", "P8.1");

    private final Catalog catalog = Catalog.loadDefault();

    @Test
    void hasExactlyThe61TrustServicesCriteriaInOrder() {
        assertThat(EXPECTED_IDS).hasSize(61).doesNotHaveDuplicates();
        assertThat(catalog.criteria()).extracting(Criterion::id).containsExactlyElementsOf(EXPECTED_IDS);
    }

    @Test
    void countsPerCategory() {
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        catalog.criteria().forEach(c -> counts.merge(c.category(), 1, Integer::sum));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                Category.SECURITY, 33, Category.AVAILABILITY, 3, Category.CONFIDENTIALITY, 2,
                Category.PROCESSING_INTEGRITY, 5, Category.PRIVACY, 18));
        assertThat(catalog.categories()).containsExactly(Category.values());
        assertThat(catalog.criteria(Category.CONFIDENTIALITY)).extracting(Criterion::id).containsExactly("C1.1", "C1.2");
    }

    @Test
    void everyCriterionBelongsToTheGroupItsIdNames() {
        for (Criterion c : catalog.criteria()) {
            assertThat(c.id()).as(c.id()).startsWith(c.group().id() + ".");
            assertThat(c.category()).as(c.id()).isEqualTo(c.group().category());
        }
        assertThat(catalog.groups()).hasSize(20);
        assertThat(catalog.criterion("CC6.1")).get().extracting(c -> c.group().name())
                .isEqualTo("Logical and physical access controls");
        assertThat(catalog.criterion("PI1.3")).get().extracting(Criterion::category).isEqualTo(Category.PROCESSING_INTEGRITY);
    }

    @Test
    void paraphrasesAreOneNonBlankSentenceAndNoOfficialTextIsShipped() {
        for (Criterion c : catalog.criteria()) {
            assertThat(c.paraphrase()).as(c.id()).isNotBlank().endsWith(".").hasSizeLessThan(160);
            assertThat(c.paraphrase().chars().filter(ch -> ch == '.').count()).as(c.id()).isEqualTo(1);
            assertThat(c.hasOfficialText()).as(c.id()).isFalse();
            assertThat(c.text()).isEqualTo(c.paraphrase());
        }
        assertThat(catalog.criteria()).extracting(Criterion::paraphrase).doesNotHaveDuplicates();
    }

    @Test
    void unknownCriterionIsEmpty() {
        assertThat(catalog.criterion("PP1.1")).isEmpty();
        assertThat(catalog.criterion("cc6.1")).isEmpty();
        assertThat(catalog.framework()).contains("SOC 2");
    }
}
