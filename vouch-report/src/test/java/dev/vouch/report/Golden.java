package dev.vouch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Run with {@code -Dvouch.golden.update=true} to rewrite the expected files
 * under src/test/resources/golden (then review the diff before committing).
 */
final class Golden {
    private Golden() {
    }

    static String render(Renderer r, ReportInput in) {
        StringWriter w = new StringWriter();
        r.render(in, w);
        return w.toString();
    }

    static void assertMatches(String actual, String name) throws IOException {
        Path p = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("vouch.golden.update")) {
            Files.createDirectories(p.getParent());
            Files.writeString(p, actual, StandardCharsets.UTF_8);
        }
        assertThat(p).as("golden file %s (create it with -Dvouch.golden.update=true)", p).exists();
        assertThat(actual).isEqualTo(Files.readString(p, StandardCharsets.UTF_8));
    }
}
