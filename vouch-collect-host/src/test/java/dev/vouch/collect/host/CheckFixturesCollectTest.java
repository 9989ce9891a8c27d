package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The linux checks' fixture roots in vouch-checks (the CEL verdicts are asserted there by
 * CheckFixturesTest): each collects, yields one resource of the check's type, and that resource has
 * errors exactly when the fixture is an {@code error_} fixture.
 */
class CheckFixturesCollectTest {
    static final Path CHECKS = Path.of("../vouch-checks/src/main/resources/checks/linux");

    @Test
    void everyLinuxFixtureCollectsCleanlyForItsCheck() throws IOException {
        assumeTrue(Files.isDirectory(CHECKS), "vouch-checks not beside this module");
        List<Path> fixtures;
        try (Stream<Path> s = Files.walk(CHECKS)) {
            fixtures = s.filter(p -> p.getFileName().toString().endsWith(".host") && Files.isDirectory(p)).sorted().toList();
        }
        assertThat(fixtures).hasSizeGreaterThan(40);
        HostCollector collector = new HostCollector(TestRoot.CLOCK, CommandRunner.system());
        for (Path fixture : fixtures) {
            String type = resourceType(fixture.getParent().getParent().resolve("check.yaml"));
            Collection c = collector.collect(fixture);
            List<Resource> ofType = c.resources().stream().filter(r -> r.type().equals(type)).toList();
            assertThat(ofType).as(fixture.toString()).hasSize(1);
            boolean error = fixture.getFileName().toString().startsWith("error_");
            assertThat(ofType.get(0).hasErrors()).as(fixture + " errors " + ofType.get(0).errors()).isEqualTo(error);
            assertThat(c.errors()).as(fixture.toString()).isEmpty();
        }
    }

    private static String resourceType(Path checkYaml) throws IOException {
        return Files.readAllLines(checkYaml).stream().filter(l -> l.startsWith("resource:"))
                .map(l -> l.substring(9).strip()).findFirst().orElseThrow();
    }
}
