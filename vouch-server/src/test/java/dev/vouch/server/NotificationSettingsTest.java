package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.notify.EmailChannel;
import dev.vouch.notify.WebhookChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vouch.yaml {@code notifications:}: read with secrets from the environment; every mistake names vouch.yaml:line and the field. */
class NotificationSettingsTest {
    private static final String SLACK = "https://hooks.slack.com/services/T000/B000/sEcReTsEcReT";
    private static final Map<String, String> ENV = Map.of("SLACK_URL", SLACK, "SMTP_PW", "pw-Secret-123", "SMTP_USER", "vouch");
    @TempDir
    Path dir;

    private NotificationSettings read(String section) throws IOException {
        Files.writeString(dir.resolve("vouch.yaml"), "organization: Acme\nsources:\n  terraform: [tf]\n" + section);
        return NotificationSettings.of(Workspace.open(dir), ENV::get);
    }

    private String error(String section) {
        try {
            read(section);
        } catch (ConfigException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no error for " + section);
    }

    @Test
    void readsWebhooksAndEmailWithSecretsFromTheEnvironment() throws IOException {
        NotificationSettings s = read("notifications:\n  webhooks:\n    - {urlEnv: SLACK_URL, format: slack, minSeverity: high}\n"
                + "  email: {host: smtp.acme.example, from: vouch@acme.example, to: [sec@acme.example], usernameEnv: SMTP_USER,"
                + " passwordEnv: SMTP_PW}\n");
        assertThat(s.events()).containsExactlyInAnyOrder(NotificationSettings.Event.values());
        WebhookChannel w = (WebhookChannel) s.channels().get(0);
        assertThat(w.name()).isEqualTo("webhook-1");
        assertThat(w.url().toString()).isEqualTo(SLACK);
        assertThat(w.format()).isEqualTo(WebhookChannel.Format.SLACK);
        EmailChannel e = (EmailChannel) s.channels().get(1);
        assertThat(e.port()).isEqualTo(587);
        assertThat(e.tls()).isEqualTo(EmailChannel.TlsMode.STARTTLS_REQUIRED);
        assertThat(e.password()).isEqualTo("pw-Secret-123");
        assertThat(read("notifications:\n  on: [drift]\n  webhooks: [{urlEnv: SLACK_URL, format: teams}]\n").events())
                .containsExactly(NotificationSettings.Event.DRIFT);
        assertThat(read("").channels()).isEmpty();
    }

    @Test
    void mistakesNameTheLineAndTheFieldAndNeverTheSecret() {
        assertThat(error("notifications:\n  webhooks:\n    - {url: \"" + SLACK + "\", format: slack}\n"))
                .startsWith(dir.resolve("vouch.yaml") + ":6").contains("must not be written into vouch.yaml", "urlEnv")
                .doesNotContain("sEcReT");
        assertThat(error("notifications:\n  webhooks:\n    - urlEnv: MISSING_VAR\n      format: slack\n"))
                .contains("vouch.yaml:6", "environment variable MISSING_VAR is not set");
        assertThat(error("notifications:\n  webhooks:\n    - urlEnv: SLACK_URL\n      format: discord\n"))
                .contains("vouch.yaml:7", "'format' must be slack, teams or generic, was 'discord'");
        assertThat(error("notifications:\n  on: [new-failures, sometimes]\n"))
                .contains("vouch.yaml:5", "'on' must be one of new-failures, drift, overdue, was 'sometimes'");
        assertThat(error("notifications:\n  email:\n    host: smtp.acme.example\n    port: 99999\n"))
                .contains("vouch.yaml:7", "'port' must be a number 1..65535");
        assertThat(error("notifications:\n  email: {host: h, from: a@b.example, to: [c@d.example], usernameEnv: SMTP_USER}\n"))
                .contains("vouch.yaml:5", "needs 'passwordEnv'");
        assertThat(error("notifications:\n  email: {host: h, tls: none, from: a@b.example, to: [c@d.example], usernameEnv: SMTP_USER,"
                + " passwordEnv: SMTP_PW}\n")).contains("vouch.yaml:5", "'allowInsecure'").doesNotContain("pw-Secret-123");
        assertThat(error("notifications:\n  webhooks:\n    - {urlEnv: SLACK_URL, format: slack, colour: red}\n"))
                .contains("vouch.yaml:6", "unknown field 'colour'");
        assertThat(error("notifications:\n  webhooks:\n    - {urlEnv: SLACK_URL, format: \"" + SLACK + "\"}\n"))
                .contains("vouch.yaml:6", "(a URL, not shown)").doesNotContain("sEcReT");
    }

    @Test
    void aBadSectionStopsTheServerBeforeItListens() throws IOException {
        Path ws = SchedulingWorkspace.create(dir.resolve("server"), "notifications:\n  webhooks:\n    - {urlEnv: NOT_SET, format: slack}\n");
        assertThatThrownBy(() -> VouchServer.start(ServerSettings.forTest(ws, Clock.systemUTC()), Map.<String, String>of()::get, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(ws.resolve("vouch.yaml") + ":7: notifications: webhook 'webhook-1': environment variable NOT_SET is not set (or empty)");
    }
}
