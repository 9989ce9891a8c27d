package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckLoaderTest {
    @TempDir
    Path dir;

    private CheckLoadException fails(String yaml) throws IOException {
        Path d = dir.resolve("checks/azure/storage/x");
        Files.createDirectories(d);
        Files.writeString(d.resolve("check.yaml"), yaml);
        try {
            new CheckLoader().loadDirectory(dir.resolve("checks"));
        } catch (CheckLoadException e) {
            return e;
        }
        throw new AssertionError("expected a load error");
    }

    private static final String OK = EngineTest.TLS;

    @Test
    void loadsAValidCheck() throws IOException {
        Path d = dir.resolve("checks/azure/storage/min_tls");
        Files.createDirectories(d.resolve("fixtures"));
        Files.writeString(d.resolve("check.yaml"), OK);
        Files.writeString(d.resolve("fixtures/check.yaml"), "not: a check");
        List<Check> checks = new CheckLoader().loadDirectory(dir.resolve("checks"));
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0).info().references()).containsEntry("checkov", "CKV_AZURE_44");
        assertThat(checks.get(0).info().remediation().cli()).contains("TLS1_2");
        assertThat(checks.get(0).info().path()).isEqualTo("checks/azure/storage/min_tls/check.yaml");
    }

    @Test
    void unknownFieldIsNamed() throws IOException {
        assertThat(fails(OK + "severty: high\n").getMessage())
                .isEqualTo("Check AZ-STG-002 (checks/azure/storage/x/check.yaml): unknown field 'severty' "
                        + "(allowed: assert, description, id, join, message, references, remediation, resource, severity, tags, title, when)");
    }

    @Test
    void badSeverityNamesFieldAndValue() throws IOException {
        assertThat(fails(OK.replace("severity: medium", "severity: hgh")).getMessage())
                .isEqualTo("Check AZ-STG-002 (checks/azure/storage/x/check.yaml): field 'severity' must be one of critical, high, medium, low, was 'hgh'");
    }

    @Test
    void celSyntaxErrorIsNamed() throws IOException {
        assertThat(fails(OK.replace("assert: has(", "assert: has((")).getMessage())
                .contains("field 'assert' is not valid CEL");
    }

    @Test
    void nonBooleanAssertIsRejected() throws IOException {
        assertThat(fails(OK.replaceAll("assert: .*", "assert: \"'x'\"")).getMessage())
                .contains("field 'assert' must evaluate to bool, but evaluates to string");
    }

    @Test
    void missingRequiredFieldsAreAllListed() throws IOException {
        CheckLoadException e = fails("id: AZ-X-1\n");
        assertThat(e.problems()).containsExactly(
                "Check AZ-X-1 (checks/azure/storage/x/check.yaml): field 'title' is required",
                "Check AZ-X-1 (checks/azure/storage/x/check.yaml): field 'severity' is required",
                "Check AZ-X-1 (checks/azure/storage/x/check.yaml): field 'resource' is required",
                "Check AZ-X-1 (checks/azure/storage/x/check.yaml): field 'assert' is required");
    }

    @Test
    void duplicateIdsAreRejected() throws IOException {
        for (String n : List.of("a", "b")) {
            Path d = dir.resolve("checks/" + n);
            Files.createDirectories(d);
            Files.writeString(d.resolve("check.yaml"), OK);
        }
        assertThatThrownBy(() -> new CheckLoader().loadDirectory(dir.resolve("checks")))
                .hasMessageContaining("id 'AZ-STG-002' is already used by checks/a/check.yaml");
    }

    @Test
    void badYamlNamesTheFile() throws IOException {
        assertThat(fails("id: [unclosed\n").getMessage()).startsWith("checks/azure/storage/x/check.yaml: not valid YAML");
    }

    @Test
    void badJoinMatchIsNamed() throws IOException {
        String j = OK + "join:\n  d: {type: azure.x.y, on: candidate.id, match: parent}\n";
        assertThat(fails(j).getMessage()).contains("field 'join.d.match' must be one of id, scope, was 'parent'");
    }

    @Test
    void joinKeysMayBeStringsOrListsButNotNumbers() throws IOException {
        Path d = dir.resolve("checks/ok");
        Files.createDirectories(d);
        Files.writeString(d.resolve("check.yaml"), OK + "join:\n  a: {type: azure.x.y, on: \"[candidate.scope, candidate.id]\"}\n"
                + "  b: {type: azure.x.y, on: candidate.id}\n");
        assertThat(new CheckLoader().loadDirectory(dir.resolve("checks"))).hasSize(1);
        assertThat(fails(OK + "join:\n  c: {type: azure.x.y, on: \"1 + 2\"}\n").getMessage())
                .contains("field 'join.c.on' must evaluate to a string or a list of strings, but evaluates to int");
        assertThat(fails(OK + "join:\n  d: {type: azure.x.y, on: candidate.id, key: resource.id, match: scope}\n").getMessage())
                .contains("field 'join.d' takes either 'match' or 'key', not both");
    }
}
