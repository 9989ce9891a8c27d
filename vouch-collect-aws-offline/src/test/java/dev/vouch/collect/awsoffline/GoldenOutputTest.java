package dev.vouch.collect.awsoffline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The normalized output for a small realistic account, compared with a reviewed golden file. Update
 * deliberately with {@code -Dvouch.golden.update=true} and review the diff.
 */
class GoldenOutputTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/account.json");

    @Test
    void smallAccountNormalizesToTheGoldenOutput() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
        Collection c = new AwsExportCollector(clock).collect(Path.of("src/test/resources/account"));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("resources", c.resources().stream().map(GoldenOutputTest::view).toList());
        doc.put("errors", c.errors().stream().map(e -> e.display()).toList());
        String actual = json.writeValueAsString(doc) + "\n";
        if (Boolean.getBoolean("vouch.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN));
    }

    private static Map<String, Object> view(Resource r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("type", r.type());
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("provider", r.provider());
        m.put("scope", r.scope());
        m.put("location", r.location());
        m.put("properties", r.properties());
        m.put("origin", r.origin().source() + " " + r.origin().display());
        m.put("unknowns", List.copyOf(r.unknowns()));
        m.put("errors", r.errors());
        return m;
    }
}
