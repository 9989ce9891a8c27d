package dev.vouch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Severity;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secure defaults and eager validation of channels and events. */
class ValidationTest {

    @Test
    void plainSmtpIsRefusedUnlessExplicitlyAllowed() {
        assertThatThrownBy(() -> new EmailChannel("mail", "smtp.acme.example", 25, EmailChannel.TlsMode.NONE, "u",
                "secret-pw", "a@acme.example", List.of("b@acme.example"), Severity.LOW, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("email channel 'mail': field 'tls' is NONE for host smtp.acme.example; plain SMTP with "
                        + "a password is refused unless 'allowInsecure' is true");
    }

    @Test
    void startTlsIsTheDefaultAndThePasswordNeverPrints() {
        EmailChannel c = new EmailChannel("mail", "smtp.acme.example", 587, null, "u", "secret-pw",
                "a@acme.example", List.of("b@acme.example"), null, false);
        assertThat(c.tls()).isEqualTo(EmailChannel.TlsMode.STARTTLS_REQUIRED);
        assertThat(c.minSeverity()).isEqualTo(Severity.LOW);
        assertThat(c.toString()).contains("password=***").doesNotContain("secret-pw");
        assertThat(new EmailSender(Clock.systemUTC(), java.time.Duration.ofSeconds(1)).properties(c))
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "true");
    }

    @Test
    void addressesAreCheckedStrictly() {
        assertThatThrownBy(() -> EmailChannel.startTls("mail", "h", 587, "", "", "a@acme.example",
                List.of("not an address")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email channel 'mail': field 'to' is not a valid address: 'not an address'");
        assertThatThrownBy(() -> EmailChannel.startTls("mail", "h", 587, "", "", "a@acme.example\r\nBcc: x@evil.example",
                List.of("b@acme.example")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email channel 'mail': field 'from' is not a valid address");
    }

    @Test
    void lineBreaksCannotReachMailHeaders() {
        assertThatThrownBy(() -> new Notification.Drift("Acme\r\nBcc: x@evil.example", "s", Instant.EPOCH, "CC6.1",
                "PASS", "FAIL", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'workspace' must be one line");
        assertThatThrownBy(() -> EmailContent.subject("[Vouch] a\nBcc: x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not contain CR, LF");
    }

    @Test
    void webhooksNeedHttpsExceptOnLoopbackAndNeverShowTheirPath() {
        assertThatThrownBy(() -> new WebhookChannel("slack", URI.create("http://hooks.slack.com/services/T/B/S"),
                WebhookChannel.Format.SLACK, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("webhook channel 'slack': field 'url' must use https (host hooks.slack.com, scheme "
                        + "'http'); http is allowed only for loopback hosts")
                .message().doesNotContain("/services");
        WebhookChannel ok = new WebhookChannel("slack", URI.create("https://hooks.slack.com/services/T/B/S?x=1"),
                WebhookChannel.Format.SLACK, null);
        assertThat(ok.safeTarget()).isEqualTo("https://hooks.slack.com");
        assertThat(ok.toString()).doesNotContain("services", "x=1");
        assertThat(new WebhookChannel("local", URI.create("http://127.0.0.1:9/x"), WebhookChannel.Format.GENERIC,
                null).minSeverity()).isEqualTo(Severity.LOW);
    }

    @Test
    void overdueDaysComeFromTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC);
        Notification.OverdueTask t = Notification.OverdueTask.of("Acme", "T-1", "Review access", "", 
                Instant.parse("2025-03-01T06:00:00Z"), clock, "https://v.example/");
        assertThat(t.daysOverdue()).isEqualTo(2);
        assertThat(Digest.of(t).title()).isEqualTo("Acme: task T-1 overdue by 2 days");
        assertThat(Digest.of(t).link()).isEqualTo("https://v.example/tasks/T-1");
    }
}
