package dev.vouch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityTest {

    @TempDir
    Path dir;

    /** Every common criterion except CC6.4 is covered, so the uncovered-criterion rule fires exactly once. */
    private Catalog catalog(String extraControls) throws IOException {
        StringBuilder yaml = new StringBuilder("controls:\n");
        yaml.append(control("VC-ALL-01", "manual", List.of("CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5", "CC2.1", "CC2.2",
                "CC2.3", "CC3.1", "CC3.2", "CC3.3", "CC3.4", "CC4.1", "CC4.2", "CC5.1", "CC5.2", "CC5.3", "CC6.1", "CC6.2",
                "CC6.3", "CC6.5", "CC6.6", "CC6.7", "CC6.8", "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5", "CC8.1",
                "CC9.1", "CC9.2"), List.of()));
        yaml.append(extraControls);
        Path criteria = Files.writeString(dir.resolve("criteria.yaml"), Catalog.resource("criteria.yaml"));
        return Catalog.load(criteria, Files.writeString(dir.resolve("controls.yaml"), yaml.toString()));
    }

    static String control(String id, String nature, List<String> criteria, List<String> checks) {
        return """
                  - id: %s
                    title: Control %s
                    description: Does something.
                    owner: Head of Security
                    type: preventive
                    nature: %s
                    frequency: annual
                    responsibility: customer
                    criteria: %s
                    checks: %s
                    evidence:
                      - {type: report, description: A report, cadence: annual}
                """.formatted(id, id, nature, criteria, checks);
    }

    @Test
    void reportsEveryKindOfBrokenReference() throws IOException {
        Catalog c = catalog(control("VC-IAM-01", "automated", List.of("CC6.1", "CC10.1"), List.of("AZ-IAM-001", "AZ-IAM-999"))
                + control("VC-IAM-01", "automated", List.of("CC6.4"), List.of("AZ-IAM-001"))
                + control("VC-OLD-01", "manual", List.of("CC6.1"), List.of()));
        IdRegistry registry = IdRegistry.parse("reg.tsv", IdRegistry.HEADER + "\nVC-OLD-01\tOld control\tretired\n");
        List<String> problems = IntegrityRules.problems(c, Set.of("AZ-IAM-001", "AZ-STG-001"), registry);
        assertThat(problems).containsExactly(
                "duplicate control id VC-IAM-01 (2 entries)",
                "control VC-IAM-01 references unknown criterion CC10.1",
                "control VC-OLD-01 uses an id that is retired in the id registry; issue a new id",
                "control VC-IAM-01 references check AZ-IAM-999, which does not exist",
                "check AZ-STG-001 is mapped to no control");
        assertThat(c.control("VC-IAM-01")).get().extracting(Control::criteria).isEqualTo(List.of("CC6.1", "CC10.1"));
    }

    @Test
    void reportsUncoveredCommonCriteria() throws IOException {
        Catalog c = catalog("");
        assertThat(c.integrityProblems(Set.of()))
                .containsExactly("criterion CC6.4 (security, always in scope) is addressed by no control");
        assertThatThrownBy(() -> c.requireIntegrity(Set.of("LNX-001")))
                .isInstanceOf(CatalogException.class)
                .hasMessage("catalog integrity: 2 problem(s):\n"
                        + "  check LNX-001 is mapped to no control\n"
                        + "  criterion CC6.4 (security, always in scope) is addressed by no control");
    }

    @Test
    void mapChecksSplitsMappedUnmappedAndMissing() {
        Catalog c = Catalog.loadDefault();
        CheckMapping m = c.mapChecks(Set.of("AZ-STG-001", "AZ-STG-002", "LNX-999"));
        assertThat(m.mapped()).containsExactly("AZ-STG-001", "AZ-STG-002");
        assertThat(m.unmapped()).containsExactly("LNX-999");
        assertThat(m.missing().get("VC-CRY-01")).contains("AZ-APP-001", "AZ-DB-004").doesNotContain("AZ-STG-001", "AZ-STG-002");
        assertThat(m.missing()).doesNotContainKey("VC-GOV-01");
        assertThat(m.missingCheckIds()).hasSize(c.referencedCheckIds().size() - 2).doesNotContain("AZ-STG-001", "AZ-STG-002");
        assertThat(m.isComplete()).isFalse();
        assertThat(c.integrityProblems(Set.of("AZ-STG-001", "AZ-STG-002", "LNX-999")))
                .hasSizeGreaterThan(m.missingCheckIds().size()) // every missing reference, plus the unmapped check
                .contains("check LNX-999 is mapped to no control",
                        "control VC-CRY-01 references check AZ-DB-004, which does not exist");
    }

    @Test
    void completeMappingOfTheDefaultCatalog() {
        Catalog c = Catalog.loadDefault();
        CheckMapping m = c.mapChecks(c.referencedCheckIds());
        assertThat(m).isEqualTo(new CheckMapping(m.mapped(), java.util.Collections.emptySortedSet(), new java.util.TreeMap<>()));
        assertThat(m.missing()).isEqualTo(Map.of());
        assertThat(m.mapped()).isEqualTo(new java.util.TreeSet<>(c.referencedCheckIds())).contains("GIT-010", "LNX-027", "AZ-STG-002");
    }
}
