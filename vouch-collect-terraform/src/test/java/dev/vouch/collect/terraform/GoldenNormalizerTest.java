package dev.vouch.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden normalizer tests: each directory under {@code golden/} is collected and compared exactly
 * with {@code golden/<name>.expected.json}. Regenerate deliberately with
 * {@code -Dvouch.golden.update=true} and review the diff.
 */
class GoldenNormalizerTest {
    @ParameterizedTest
    @ValueSource(strings = {"storage", "network", "platform"})
    void matchesGolden(String name) throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/golden/" + name).toURI());
        String actual = Golden.render(new TerraformCollector(Golden.CLOCK).collect(dir));
        Path expected = dir.resolveSibling(name + ".expected.json");
        if (Boolean.getBoolean("vouch.golden.update")) {
            Path src = Path.of("src/test/resources/golden", name + ".expected.json");
            Files.writeString(src, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
