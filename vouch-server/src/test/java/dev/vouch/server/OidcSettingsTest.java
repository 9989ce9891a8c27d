package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.oidc} in vouch.yaml: what is read, and mistakes named by file, line and field. */
class OidcSettingsTest {
    private static final Map<String, String> ENV = Map.of("VOUCH_OIDC_CLIENT_SECRET", "s3cret-value");
    @TempDir
    Path dir;

    @Test
    void readsTheSectionWithDefaultsAndTheSecretFromTheEnvironment() throws IOException {
        OidcSettings s = read("""
                server:
                  oidc:
                    issuer: https://login.microsoftonline.com/0a1b2c3d-0000-4000-8000-000000000001/v2.0
                    clientId: 5d2f1a7e-0000-4000-8000-00000000c11e
                    clientSecretEnv: VOUCH_OIDC_CLIENT_SECRET
                """).orElseThrow();
        assertThat(s.issuer()).isEqualTo("https://login.microsoftonline.com/0a1b2c3d-0000-4000-8000-000000000001/v2.0");
        assertThat(s.clientSecret()).isEqualTo("s3cret-value");
        assertThat(s.name()).isEqualTo("single sign-on");
        assertThat(s.usernameClaim()).isEqualTo("preferred_username");
        assertThat(s.toString()).contains("VOUCH_OIDC_CLIENT_SECRET").doesNotContain("s3cret-value");

        OidcSettings named = read(valid("    name: Microsoft Entra ID\n    usernameClaim: upn\n")).orElseThrow();
        assertThat(named.name()).isEqualTo("Microsoft Entra ID");
        assertThat(named.usernameClaim()).isEqualTo("upn");
    }

    @Test
    void noSectionMeansNoSingleSignOn() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("server:\n  other: 1\n")).isEmpty();
    }

    @Test
    void mistakesNameTheFileLineAndField() throws IOException {
        expect(valid("    clientSecret: hunter2\n"), "clientSecret:", "never written in vouch.yaml");
        expect(valid("    clientSecretEnvv: X\n"), "clientSecretEnvv:", "unknown field 'clientSecretEnvv' (allowed: clientId, ");
        expect("server:\n  oidc:\n    issuer: http://login.example.org/t/v2.0\n    clientId: a\n    clientSecretEnv: VOUCH_OIDC_CLIENT_SECRET\n",
                "issuer:", "'server.oidc.issuer' must be an https URL such as https://login.microsoftonline.com/<tenant-id>/v2.0, "
                        + "was 'http://login.example.org/t/v2.0'");
        expect("server:\n  oidc:\n    issuer: https://login.example.org/t/v2.0\n    clientSecretEnv: VOUCH_OIDC_CLIENT_SECRET\n",
                "issuer:", "'server.oidc.clientId' is missing"); // the mapping's position: its first line
        expect("server:\n  oidc:\n    issuer: https://login.example.org/t/v2.0\n    clientId: a\n    clientSecretEnv: NOT_SET_ANYWHERE\n",
                "clientSecretEnv:", "the environment variable NOT_SET_ANYWHERE (the OIDC client secret) is not set or empty");
        expect("server:\n  oidc:\n    issuer: https://login.example.org/t/v2.0\n    clientId: a\n    clientSecretEnv: 'my secret'\n",
                "clientSecretEnv:", "must be the name of an environment variable");
        expect(valid("    usernameClaim: [upn]\n"), "usernameClaim:", "'server.oidc.usernameClaim' must be a non-empty text");
        expect("server:\n  oidc: yes\n", "oidc:", "'server.oidc' must be a mapping");
    }

    private static String valid(String extra) {
        return "server:\n  oidc:\n    issuer: https://login.example.org/t/v2.0\n    clientId: a\n"
                + "    clientSecretEnv: VOUCH_OIDC_CLIENT_SECRET\n" + extra;
    }

    private void expect(String yaml, String lineWith, String message) throws IOException {
        Path ws = write(yaml);
        int line = lineOf(ws.resolve("vouch.yaml"), lineWith);
        assertThatThrownBy(() -> OidcSettings.read(Workspace.open(ws), ENV::get)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("vouch.yaml:" + line + ":").hasMessageContaining(message);
    }

    private Optional<OidcSettings> read(String yaml) throws IOException {
        return OidcSettings.read(Workspace.open(write(yaml)), ENV::get);
    }

    private Path write(String yaml) throws IOException {
        Path ws = Files.createTempDirectory(dir, "ws");
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Test Org\n" + yaml);
        return ws;
    }

    /** The 1-based number of the last line of {@code file} that contains {@code text}. */
    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(text + " not in " + file);
    }
}
