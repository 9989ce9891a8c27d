package dev.vouch.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DefaultControlsTest {

    private final Catalog catalog = Catalog.loadDefault();

    @Test
    void libraryIsLargeEnoughAndIdsAreUniqueAndWellFormed() {
        List<String> ids = catalog.controls().stream().map(Control::id).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(55).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("VC-[A-Z]+-\\d{2}"));
        assertThat(catalog.control("VC-IAM-01")).get().extracting(Control::title)
                .isEqualTo("Multi-factor authentication is enforced for all workforce identities");
        assertThat(catalog.control("VC-NOPE-01")).isEmpty();
    }

    @Test
    void everyCommonCriterionAndEveryA1C1Pi1CriterionIsCovered() {
        Set<String> covered = catalog.controls().stream().flatMap(c -> c.criteria().stream()).collect(Collectors.toSet());
        List<String> mustCover = catalog.criteria().stream()
                .filter(c -> c.category() != Category.PRIVACY).map(Criterion::id).toList();
        assertThat(mustCover).hasSize(43);
        assertThat(covered).containsAll(mustCover);
        for (String id : mustCover) {
            assertThat(catalog.controlsForCriterion(id)).as(id).isNotEmpty();
        }
    }

    @Test
    void everyReferencedCriterionExists() {
        Set<String> known = catalog.criteria().stream().map(Criterion::id).collect(Collectors.toSet());
        catalog.controls().forEach(c -> assertThat(known).as(c.id()).containsAll(c.criteria()));
    }

    @Test
    void natureMatchesChecksAndEvidence() {
        for (Control c : catalog.controls()) {
            switch (c.nature()) {
                case AUTOMATED -> assertThat(c.checks()).as(c.id()).isNotEmpty();
                case MANUAL -> {
                    assertThat(c.checks()).as(c.id()).isEmpty();
                    assertThat(c.evidence()).as(c.id()).isNotEmpty();
                }
                case HYBRID -> assertThat(c.evidence()).as(c.id()).isNotEmpty();
            }
            assertThat(c.owner()).as(c.id()).isNotBlank();
            assertThat(c.checks()).as(c.id()).allMatch(id -> ControlsParser.ID.matcher(id).matches());
        }
        long manual = catalog.controls().stream().filter(c -> c.nature() == Nature.MANUAL).count();
        long automated = catalog.controls().stream().filter(c -> c.nature() == Nature.AUTOMATED).count();
        assertThat(manual).isGreaterThanOrEqualTo(30);
        assertThat(automated).isGreaterThanOrEqualTo(20);
    }

    @Test
    void enumFieldsAreLoadedWithTheirFileValues() {
        Control reviews = catalog.control("VC-IAM-03").orElseThrow();
        assertThat(reviews.type()).isEqualTo(ControlType.DETECTIVE);
        assertThat(reviews.nature()).isEqualTo(Nature.MANUAL);
        assertThat(reviews.frequency()).isEqualTo(Frequency.QUARTERLY);
        assertThat(reviews.responsibility()).isEqualTo(Responsibility.CUSTOMER);
        assertThat(reviews.criteria()).containsExactly("CC6.2", "CC6.3");
        assertThat(reviews.evidence()).containsExactly(
                new EvidenceRequirement(EvidenceType.REVIEW_RECORD, "Signed-off access review per in-scope system", Frequency.QUARTERLY),
                new EvidenceRequirement(EvidenceType.TICKET, "Access change ticket for each removal decided in the review", Frequency.PER_EVENT));
        assertThat(catalog.control("VC-PHY-01").orElseThrow().responsibility()).isEqualTo(Responsibility.INHERITED);
        Set<Object> used = new HashSet<>();
        catalog.controls().forEach(c -> {
            used.add(c.type());
            used.add(c.nature());
        });
        assertThat(used).containsAll(List.of(ControlType.values())).containsAll(List.of(Nature.values()));
    }

    @Test
    void checkLookupsGoThroughControls() {
        assertThat(catalog.controlsForCheck("AZ-STG-001")).extracting(Control::id).containsExactly("VC-CRY-01");
        assertThat(catalog.criteriaForCheck("AZ-STG-001")).extracting(Criterion::id).containsExactly("CC6.7");
        assertThat(catalog.controlsForCheck("GIT-010")).extracting(Control::id).containsExactly("VC-CHG-01", "VC-CHG-02");
        assertThat(catalog.criteriaForCheck("GIT-010")).extracting(Criterion::id).containsExactly("CC5.3", "CC8.1");
        assertThat(catalog.criteriaForCheck("AZ-STG-010")).extracting(Criterion::id).containsExactly("CC7.5", "A1.2", "PI1.5");
        assertThat(catalog.controlsForCheck("AZ-XXX-999")).isEmpty();
        assertThat(catalog.criteriaForCheck("AZ-XXX-999")).isEmpty();
    }

    @Test
    void theShippedCatalogIsIntactAgainstItsOwnCheckReferences() {
        Set<String> referenced = catalog.referencedCheckIds();
        assertThat(referenced).hasSizeGreaterThan(100); // vouch-checks tests that this set equals the shipped checks
        assertThat(catalog.integrityProblems(referenced)).isEmpty();
        assertThat(catalog.mapChecks(referenced).isComplete()).isTrue();
    }
}
