package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vouch.auth.TokenScope;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications from a real server: two scans of the example Terraform, the second with a VM that lost its vTPM (a
 * new failure, and control VC-END-01 drifting PASS -> FAIL), delivered to a local webhook receiver (Slack and Teams
 * bodies, one endpoint answering 400) and to GreenMail over SMTP with a password, each delivery in the audit trail,
 * and neither the secret webhook path nor the SMTP password anywhere in the log.
 */
class ServerNotificationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_PATH = "T0SECRET/B0SECRET/xoxSecretPath4242";
    private static final String SMTP_PASSWORD = "S3cret-smtp-Pa55word";
    private static final String ORG = "Acme Analytics, Inc.";
    @TempDir
    Path dir;
    private static String token;

    @org.junit.jupiter.api.BeforeAll
    static void logLikeVouchServe() {
        System.setProperty("org.slf4j.simpleLogger.log.dev.vouch.server", "info");
        System.setProperty("org.slf4j.simpleLogger.log.dev.vouch.notify", "info");
    }

    @Test
    void newFailuresAndDriftReachSlackTeamsAndEmailAreAuditedAndNoSecretIsLogged() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try (HookReceiver hooks = new HookReceiver()) {
            System.setErr(new PrintStream(new Tee(err, log), true, StandardCharsets.UTF_8));
            mail.start();
            mail.setUser("vouch@acme.example", "vouch", SMTP_PASSWORD);
            Path ws = SchedulingWorkspace.create(dir, "notifications:\n"
                    + "  on: [new-failures, drift]\n"
                    + "  webhooks:\n"
                    + "    - {name: chat-slack, url: \"" + hooks.url("/slack") + "\", format: slack}\n"
                    + "    - {name: chat-teams, urlEnv: VOUCH_TEST_TEAMS_URL, format: teams}\n"
                    + "    - {name: relay, url: \"" + hooks.url("/broken") + "\", format: generic}\n"
                    + "  email:\n"
                    + "    host: 127.0.0.1\n    port: " + mail.getSmtp().getPort() + "\n    tls: none\n    allowInsecure: true\n"
                    + "    from: \"Vouch <vouch@acme.example>\"\n    to: [sec@acme.example]\n"
                    + "    usernameEnv: VOUCH_TEST_SMTP_USER\n    passwordEnv: VOUCH_TEST_SMTP_PASSWORD\n");
            Map<String, String> env = Map.of("VOUCH_TEST_TEAMS_URL", hooks.url("/teams/" + SECRET_PATH),
                    "VOUCH_TEST_SMTP_USER", "vouch", "VOUCH_TEST_SMTP_PASSWORD", SMTP_PASSWORD);
            try (ServerFixture f = ServerFixture.start(ServerSettings.forTest(ws, Clock.systemUTC()), env, Map.of())) {
                assertThat(f.scan().getState()).isEqualTo("succeeded"); // the baseline: nothing to compare with
                Path tf = ws.resolve("infra/terraform/compute.tf");
                String before = Files.readString(tf);
                Files.writeString(tf, before.replace("vtpm_enabled                    = true", "vtpm_enabled                    = false"));
                assertThat(Files.readString(tf)).isNotEqualTo(before);
                assertThat(f.scan().getState()).isEqualTo("succeeded");

                SchedulingWorkspace.await("two messages on every channel", () -> hooks.received("/slack").size() == 2
                        && hooks.received("/teams").size() == 2 && hooks.received("/broken").size() == 2
                        && mail.getReceivedMessages().length == 2 && auditRows(f).size() == 8);
                slackAndTeamsBodies(hooks);
                email(mail);
                audited(f);
            }
        } finally {
            System.setErr(err);
            mail.stop();
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        // the failed delivery is logged (WARN, whatever the level); as vouch serve logs (INFO) the audit lines show too
        assertThat(logged).contains("webhook 'relay' (http://127.0.0.1:", "HTTP 400")
                .doesNotContain(SECRET_PATH).doesNotContain("xoxSecretPath").doesNotContain(SMTP_PASSWORD);
    }

    private static void slackAndTeamsBodies(HookReceiver hooks) throws Exception {
        List<HookReceiver.Received> slack = hooks.received("/slack");
        JsonNode failures = JSON.readTree(slack.get(0).body());
        assertThat(slack.get(0).contentType()).startsWith("application/json");
        assertThat(failures.path("text").asText()).isEqualTo(ORG + ": 1 new failure");
        assertThat(failures.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        assertThat(failures.path("blocks").toString()).contains("[medium] AZ-VM-005 vm-acme-prod-jumpbox");
        JsonNode drift = JSON.readTree(slack.get(1).body());
        assertThat(drift.path("text").asText()).isEqualTo(ORG + ": VC-END-01 drifted PASS -&gt; FAIL");
        assertThat(drift.path("blocks").toString()).contains("failing: AZ-VM-005 (1 of 1 resources)");

        List<HookReceiver.Received> teams = hooks.received("/teams");
        assertThat(teams).extracting(HookReceiver.Received::path).containsOnly("/teams/" + SECRET_PATH);
        JsonNode card = JSON.readTree(teams.get(1).body());
        assertThat(card.path("type").asText()).isEqualTo("message");
        JsonNode attachment = card.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.path("content").path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(attachment.path("content").path("body").get(0).path("text").asText())
                .isEqualTo(ORG + ": VC-END-01 drifted PASS -> FAIL");

        JsonNode generic = JSON.readTree(hooks.received("/broken").get(0).body());
        assertThat(generic.path("type").asText()).isEqualTo("new_failures");
        assertThat(generic.path("items").get(0).path("checkId").asText()).isEqualTo("AZ-VM-005");
    }

    private static void email(GreenMail mail) throws Exception {
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(ServerNotificationsTest::subject)).containsExactly(
                "[Vouch] " + ORG + ": 1 new failure", "[Vouch] " + ORG + ": VC-END-01 drifted PASS -> FAIL");
        assertThat(mail.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("sec@acme.example");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void audited(ServerFixture f) {
        List<Map<String, Object>> rows = auditRows(f);
        assertThat(rows).extracting(r -> r.get("summary")).containsOnly(
                "notify.sent webhook/slack from local", "notify.sent webhook/teams from local",
                "notify.failed webhook/generic from local (failed)", "notify.sent email from local");
        assertThat(rows).extracting(r -> r.get("actor")).containsOnly(ServerNotifications.ACTOR);
        assertThat(rows.toString()).doesNotContain(SECRET_PATH).doesNotContain("/broken");
    }

    /** The notify.* entries of the audit trail, read over the API by an admin. */
    private static List<Map<String, Object>> auditRows(ServerFixture f) {
        if (f.accounts().byUsername("alice").isEmpty()) {
            f.user("alice", Role.ADMIN, Optional.empty(), Optional.empty());
            token = f.token("alice", TokenScope.READ);
        }
        try {
            List<Map<String, Object>> all = JSON.readValue(f.api("GET", "/api/v1/audit?limit=500", token, null).body(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
            return all.stream().filter(r -> String.valueOf(r.get("action")).startsWith("notify.")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes to the real stderr and to a buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
