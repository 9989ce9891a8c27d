package dev.vouch.collect.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHubExportCollectorTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/acme-payments.json");

    /** Golden normalizer output; regenerate deliberately with -Dgolden.update=true and review the diff. */
    @Test
    void exportMatchesGoldenOutput() throws IOException {
        Collection c = new GitHubExportCollector(GitHubApiTest.CLOCK).collect(GitHubCollectorTest.EXPORT);
        String actual = render(c);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void malformedFileIsACollectionErrorNamingFileAndLine(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("acme.github/repos/api"));
        Files.writeString(repo.resolve("repo.json"), "{\"name\":\"api\",\"full_name\":\"acme/api\",\"owner\":{\"login\":\"acme\"},\"default_branch\":\"main\"}");
        Files.writeString(repo.resolve("protection.json"), "{\n  \"enforce_admins\": {\"enabled\": true},\n  \"allow_force_pushes\": {\"enabled\": false,}\n}");

        Collection c = new GitHubExportCollector(GitHubApiTest.CLOCK).collect(tmp.resolve("acme.github"));

        assertThat(c.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().location()).isEqualTo("acme.github/repos/api/protection.json");
            assertThat(e.message()).contains("acme.github/repos/api/protection.json: malformed JSON at line 3");
        });
        Resource r = c.resources().get(0);
        assertThat(r.id()).isEqualTo("github:acme/api");
        assertThat(r.errors()).hasSize(1);
        // Files not exported are unknown, not errors: no rules.json = no rulesets, no alerts file = unknown.
        assertThat(r.unknowns()).contains("properties.vulnerabilityAlertsEnabled", "properties.mergedPullRequests",
                "properties.security_and_analysis");
    }

    @Test
    void missingProtectionFileMakesProtectionUnknown(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("x.github/repos/api"));
        Files.writeString(repo.resolve("repo.json"), "{\"name\":\"api\",\"full_name\":\"acme/api\",\"default_branch\":\"main\"}");
        Resource r = new GitHubExportCollector(GitHubApiTest.CLOCK).collect(tmp.resolve("x.github")).resources().get(0);
        assertThat(r.unknowns()).contains("properties.defaultBranchProtection", "properties.effectiveProtection.protected",
                "properties.effectiveProtection.requiredApprovingReviews");
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void unusablePathIsAnIllegalArgument(@TempDir Path tmp) throws IOException {
        assertThatThrownBy(() -> new GitHubExportCollector(GitHubApiTest.CLOCK).collect(tmp.resolve("absent")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent");
        assertThatThrownBy(() -> new GitHubExportCollector(GitHubApiTest.CLOCK).collect(tmp))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither org.json nor repos/");
    }

    static String render(Collection c) throws IOException {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Resource r : c.resources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("provider", r.provider());
            m.put("scope", r.scope());
            m.put("origin", r.origin().display());
            m.put("collectedAt", r.collectedAt().toString());
            m.put("unknowns", List.copyOf(r.unknowns()));
            m.put("errors", r.errors());
            m.put("properties", r.properties());
            out.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("resources", out);
        root.put("errors", c.errors().stream().map(e -> e.display()).toList());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }
}
