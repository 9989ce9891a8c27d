package dev.vouch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {

    static final String GOOD_CONTROL = """
            controls:
              - id: VC-IAM-01
                title: MFA is enforced
                description: Every sign-in requires MFA.
                owner: Head of IT
                type: preventive
                nature: automated
                frequency: continuous
                responsibility: customer
                criteria: [CC6.1]
                checks: [AZ-IAM-001]
            """;

    @TempDir
    Path dir;

    Path criteria() throws IOException {
        return write("criteria.yaml", Catalog.resource("criteria.yaml"));
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    Catalog loadControls(String yaml) throws IOException {
        return Catalog.load(criteria(), write("controls.yaml", yaml));
    }

    String controlsPath() {
        return dir.resolve("controls.yaml").toString();
    }

    @Test
    void loadsAUserCopy() throws IOException {
        Catalog c = loadControls(GOOD_CONTROL);
        assertThat(c.controls()).singleElement().satisfies(ctl -> {
            assertThat(ctl.id()).isEqualTo("VC-IAM-01");
            assertThat(ctl.checks()).containsExactly("AZ-IAM-001");
            assertThat(ctl.evidence()).isEmpty();
        });
        assertThat(c.criteria()).hasSize(61);
    }

    @Test
    void badEnumNamesFileLineControlAndField() throws IOException {
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("frequency: continuous", "frequency: yearly")))
                .isInstanceOf(CatalogException.class)
                .hasMessage(controlsPath() + ":8: control VC-IAM-01: field 'frequency' must be one of "
                        + "[continuous, daily, weekly, monthly, quarterly, annual, per_event], was 'yearly'");
    }

    @Test
    void unknownFieldIsRejected() throws IOException {
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL + "    frequncy: daily\n"))
                .hasMessageStartingWith(controlsPath() + ":12: control VC-IAM-01: field 'frequncy' is not allowed; allowed fields: [checks, criteria,");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL + "extra: 1\n"))
                .hasMessageStartingWith(controlsPath() + ":1: top level: field 'extra' is not allowed");
    }

    @Test
    void badYamlNamesTheLine() throws IOException {
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL + "    checks: [AZ-IAM-001\n"))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(controlsPath() + ":")
                .hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("    owner: Head of IT\n", "    owner: Head of IT\n    owner: CTO\n")))
                .hasMessageContaining(controlsPath() + ":6: invalid YAML")
                .hasMessageContaining("Duplicate field 'owner'");
        assertThatThrownBy(() -> loadControls("")).hasMessage(controlsPath() + ": the file is empty");
        assertThatThrownBy(() -> loadControls("- a\n- b\n")).hasMessage(controlsPath() + ":1: the document must be a mapping, was array");
    }

    @Test
    void missingOrMistypedFields() throws IOException {
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("    owner: Head of IT\n", "")))
                .hasMessage(controlsPath() + ":2: control VC-IAM-01: field 'owner' is required");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("criteria: [CC6.1]", "criteria: CC6.1")))
                .hasMessage(controlsPath() + ":10: control VC-IAM-01: field 'criteria' must be a list, was 'CC6.1'");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("criteria: [CC6.1]", "criteria: []")))
                .hasMessage(controlsPath() + ":10: control VC-IAM-01: field 'criteria' must not be empty");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("title: MFA is enforced", "title: 42")))
                .hasMessage(controlsPath() + ":3: control VC-IAM-01: field 'title' must be a string, was number 42");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("criteria: [CC6.1]", "criteria: [CC6.1, CC6.1]")))
                .hasMessage(controlsPath() + ":10: control VC-IAM-01: field 'criteria' lists 'CC6.1' twice");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("id: VC-IAM-01", "id: vc iam 1")))
                .hasMessageStartingWith(controlsPath() + ":2: control vc iam 1: field 'id' must match");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("  - id: VC-IAM-01\n", "  - ident: VC-IAM-01\n")))
                .hasMessageStartingWith(controlsPath() + ":2: controls[0]: field 'ident' is not allowed");
    }

    @Test
    void natureRules() throws IOException {
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("checks: [AZ-IAM-001]", "checks: []")))
                .hasMessage(controlsPath() + ":11: control VC-IAM-01: field 'checks' must list at least one check for an automated control");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("nature: automated", "nature: manual")))
                .hasMessage(controlsPath() + ":11: control VC-IAM-01: field 'checks' must be empty for a manual control (use nature 'hybrid')");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL.replace("nature: automated", "nature: hybrid")))
                .hasMessage(controlsPath() + ":2: control VC-IAM-01: field 'evidence' must list at least one item for a hybrid control");
    }

    @Test
    void evidenceItemsAreStrict() throws IOException {
        String base = GOOD_CONTROL + "    evidence:\n      - {type: config_export, description: Policy export, cadence: quarterly}\n";
        assertThat(loadControls(base).controls().get(0).evidence())
                .containsExactly(new EvidenceRequirement(EvidenceType.CONFIG_EXPORT, "Policy export", Frequency.QUARTERLY));
        assertThatThrownBy(() -> loadControls(base.replace("cadence: quarterly", "cadence: sometimes")))
                .hasMessageStartingWith(controlsPath() + ":12: control VC-IAM-01: field 'evidence[0].cadence' must be one of [continuous,");
        assertThatThrownBy(() -> loadControls(base.replace("cadence: quarterly", "cadence: quarterly, url: x")))
                .hasMessage(controlsPath() + ":12: control VC-IAM-01: field 'evidence[0].url' is not allowed; allowed fields: [cadence, description, type]");
        assertThatThrownBy(() -> loadControls(base.replace("type: config_export", "type: selfie")))
                .hasMessageContaining("field 'evidence[0].type' must be one of [policy, procedure, screenshot,")
                .hasMessageEndingWith(", was 'selfie'");
        assertThatThrownBy(() -> loadControls(GOOD_CONTROL + "    evidence: [policy]\n"))
                .hasMessage(controlsPath() + ":12: control VC-IAM-01: field 'evidence[0]' must be a mapping, was 'policy'");
    }

    @Test
    void criteriaFileIsStrictToo() throws IOException {
        Path controls = write("controls.yaml", GOOD_CONTROL);
        String good = Catalog.resource("criteria.yaml");
        Path bad = write("criteria.yaml", good.replace("{id: CC6.1, category: security, group: CC6,", "{id: CC6.1, category: security, group: CC66,"));
        assertThatThrownBy(() -> Catalog.load(bad, controls))
                .hasMessageStartingWith(bad + ":53: criterion CC6.1: field 'group' names unknown group 'CC66'");
        Path mismatch = write("criteria.yaml", good.replace("{id: A1.1, category: availability,", "{id: A1.1, category: security,"));
        assertThatThrownBy(() -> Catalog.load(mismatch, controls))
                .hasMessage(mismatch + ":73: criterion A1.1: field 'category' is 'security' but group A1 is 'availability'");
        Path badCategory = write("criteria.yaml", good.replace("{id: CC1, category: security,", "{id: CC1, category: secure,"));
        assertThatThrownBy(() -> Catalog.load(badCategory, controls))
                .hasMessage(badCategory + ":8: group CC1: field 'category' must be one of "
                        + "[security, availability, confidentiality, processing_integrity, privacy], was 'secure'");
    }

    @Test
    void copyDefaultWritesAnEditableCopyThatLoadsTheSame() throws IOException {
        Path target = dir.resolve("workspace/catalog");
        java.util.List<Path> files = Catalog.copyDefaultTo(target);
        assertThat(files).containsExactly(target.resolve("criteria.yaml"), target.resolve("controls.yaml"));
        Catalog copy = Catalog.load(files.get(0), files.get(1));
        Catalog shipped = Catalog.loadDefault();
        assertThat(copy.controls()).isEqualTo(shipped.controls());
        assertThat(copy.criteria()).isEqualTo(shipped.criteria());
        assertThatThrownBy(() -> Catalog.copyDefaultTo(target))
                .hasMessage(target.resolve("criteria.yaml") + ": already exists; not overwriting it");
    }

    @Test
    void unreadableFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> Catalog.load(missing, missing))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(missing + ": cannot read");
    }
}
