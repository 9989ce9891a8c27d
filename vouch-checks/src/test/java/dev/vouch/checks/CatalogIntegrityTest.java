package dev.vouch.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.catalog.Catalog;
import dev.vouch.engine.Check;
import dev.vouch.engine.CheckLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog owns the mappings: every check is mapped, every mapped id exists, ids are never reused. */
class CatalogIntegrityTest {
    static final List<Check> CHECKS = new CheckLoader().loadDirectory(CheckFixturesTest.ROOT);
    static final Set<String> IDS = CHECKS.stream().map(Check::id).collect(Collectors.toSet());

    @Test
    void everyCheckIsMappedAndEveryMappedCheckExists() {
        Catalog catalog = Catalog.loadDefault();
        assertThat(catalog.integrityProblems(IDS)).isEmpty();
        assertThat(catalog.referencedCheckIds()).isEqualTo(IDS);
    }

    @Test
    void theCatalogMeetsTheIssueFloor() {
        assertThat(IDS).hasSizeGreaterThanOrEqualTo(80);
        assertThat(CHECKS.stream().filter(c -> c.info().resourceType().startsWith("azure."))).hasSizeGreaterThanOrEqualTo(45);
        assertThat(CHECKS.stream().filter(c -> c.info().resourceType().startsWith("linux."))).hasSizeGreaterThanOrEqualTo(15);
        assertThat(CHECKS.stream().filter(c -> c.info().resourceType().startsWith("git."))).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void everyCheckIdIsRegisteredActiveAndNoRetiredIdIsInUse() throws IOException {
        Map<String, String> status = new HashMap<>();
        for (String line : Files.readAllLines(CheckFixturesTest.ROOT.resolve("ID-REGISTRY.tsv"))) {
            if (line.startsWith("#") || line.startsWith("id\t") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            assertThat(status.put(f[0], f[1])).as("registry row for %s appears twice", f[0]).isNull();
        }
        for (String id : IDS) {
            assertThat(status.get(id)).as("check %s must be in checks/ID-REGISTRY.tsv as active", id).isEqualTo("active");
        }
        status.forEach((id, s) -> {
            if (s.equals("active")) {
                assertThat(IDS).as("registry says %s is active but no check has it; mark it retired", id).contains(id);
            }
        });
    }

    @Test
    void everyCheckNamesItsPeersWhereTheWorklistHasThem() {
        assertThat(CHECKS).allSatisfy(c -> assertThat(c.info().remediation().text())
                .as("remediation text of %s", c.id()).isNotBlank());
        long withRefs = CHECKS.stream().filter(c -> !c.info().references().isEmpty()).count();
        assertThat(withRefs).isGreaterThanOrEqualTo(CHECKS.size() * 8 / 10);
    }

    static Path root() {
        return CheckFixturesTest.ROOT;
    }
}
