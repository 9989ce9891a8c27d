package dev.vouch.collect.azureoffline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the real third-party Azure samples in ../shared/fixtures/real/azure (relative to the project
 * root) when present: every well-formed file normalizes without error, every *.MALFORMED-* file gives an
 * error naming it. Skipped when the folder is absent.
 */
class RealSamplesConformanceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    static Optional<Path> realAzure() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/fixtures/real/azure");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            Path sibling = dir.resolve("../shared/fixtures/real/azure").normalize();
            if (Files.isDirectory(sibling)) {
                return Optional.of(sibling);
            }
        }
        return Optional.empty();
    }

    @Test
    void everyRealSampleNormalizesAndEveryMalformedOneIsNamed() throws IOException {
        Optional<Path> root = realAzure();
        assumeTrue(root.isPresent(), "real samples folder absent");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.get())) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        AzureExportCollector collector = new AzureExportCollector(CLOCK);
        for (Path file : files) {
            Collection c = collector.collect(file);
            String name = file.getFileName().toString();
            if (name.contains(".MALFORMED-")) {
                assertThat(c.errors()).as(name).hasSize(1);
                CollectionError e = c.errors().get(0);
                assertThat(e.origin().location()).isEqualTo(name);
                assertThat(e.message()).startsWith("malformed JSON at " + name + ":").matches(".*:\\d+:\\d+: .*");
            } else {
                assertThat(c.errors()).as(name).isEmpty();
                assertThat(c.resources()).as(name).isNotEmpty()
                        .allSatisfy(r -> assertThat(r.provider()).isEqualTo("azure"))
                        .allSatisfy(r -> assertThat(r.origin().location()).isEqualTo(name));
            }
        }
    }

    @Test
    void wholeRealTreeCollectsWithOnlyTheMalformedErrors() {
        Optional<Path> root = realAzure();
        assumeTrue(root.isPresent(), "real samples folder absent");
        Collection c = new AzureExportCollector(CLOCK).collect(root.get());
        assertThat(c.errors()).allSatisfy(e -> assertThat(e.origin().location()).contains(".MALFORMED-"));
        assertThat(c.resources()).extracting(Resource::type)
                .contains("azure.storage.account", "azure.network.nsg", "azure.keyvault.vault", "azure.sql.server",
                        "azure.security.pricing", "azure.security.contact", "azure.monitor.diagnostic_setting",
                        "azure.resources.subscription", "azure.unmapped");
        if (System.getProperty("vouch.dump") != null) {
            ResourceJson.assertGolden(ResourceJson.of(c), Path.of(System.getProperty("vouch.dump")));
        }
    }
}
