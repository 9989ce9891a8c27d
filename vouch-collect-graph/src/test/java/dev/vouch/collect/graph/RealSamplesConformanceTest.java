package dev.vouch.collect.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Microsoft Graph samples in ../shared/fixtures/real/graph (relative to the project root)
 * when present: the two deliberately malformed files give errors naming file and line, everything else
 * normalizes. Skipped when the folder is absent.
 */
class RealSamplesConformanceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);

    static Optional<Path> realGraph() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/fixtures/real/graph"),
                    dir.resolve("../shared/fixtures/real/graph").normalize()}) {
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void realSamplesNormalizeAndMalformedOnesAreNamedWithTheirLine() {
        Optional<Path> root = realGraph();
        assumeTrue(root.isPresent(), "real Graph samples folder absent");
        Collection c = new GraphExportCollector(CLOCK).collect(root.get());

        assertThat(c.errors()).allSatisfy(e -> {
            assertThat(e.origin().location()).contains(".MALFORMED-");
            assertThat(e.origin().line()).isPositive();
            assertThat(e.message()).startsWith("invalid JSON at column");
        });
        assertThat(c.errors()).extracting(e -> e.origin().location()).containsExactlyInAnyOrder(
                "auditLogs_signIns_list.MALFORMED-trailing-comma.json",
                "roleManagement_directory_roleAssignments_expandPrincipal.MALFORMED-trailing-commas.json");
        assertThat(c.errors()).extracting(CollectionError::display)
                .contains("auditLogs_signIns_list.MALFORMED-trailing-comma.json:64: "
                        + c.errors().stream().filter(e -> e.origin().location().startsWith("auditLogs")).findFirst()
                                .orElseThrow().message());

        assertThat(c.resources()).filteredOn(r -> r.type().equals("entra.conditional_access_policy")).hasSize(3);
        assertThat(c.resources()).filteredOn(r -> r.type().equals("entra.tenant")).singleElement()
                .satisfies(t -> assertThat(t.id()).isEqualTo("tenant:unknown"));
        Resource adele = c.resources().stream()
                .filter(r -> r.id().equals("tenant:unknown/users/1aecaf40-dc3a-461f-88a8-d06994e12898")).findFirst().orElseThrow();
        assertThat(adele.properties()).containsEntry("lastActivityDateTime", "2021-06-17T16:41:33Z");
        Resource alex = c.resources().stream()
                .filter(r -> r.id().equals("tenant:unknown/users/86462606-fde0-4fc4-9e0c-a20eb73e54c6")).findFirst().orElseThrow();
        assertThat(alex.properties()).containsEntry("mfaRegistered", true).containsEntry("userType", "Member");
        Resource globalAdmin = c.resources().stream()
                .filter(r -> r.id().equals("tenant:unknown/users/f1847572-48aa-47aa-96a3-2ec61904f41f")).findFirst()
                .orElse(null);
        assertThat(globalAdmin).as("role assignments alone do not create users").isNull();
        assertThat(c.resources()).filteredOn(r -> r.type().equals("entra.tenant")).singleElement()
                .satisfies(t -> assertThat(t.properties()).containsEntry("globalAdminCount", 1L));
    }
}
