package dev.vouch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.vouch.model.Severity;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real SMTP delivery against GreenMail on loopback: plain (explicitly allowed), STARTTLS refusal, SMTPS. */
class EmailSenderTest {
    private static final String PASSWORD = "pa55-w0rd-Secret";

    private GreenMail mail;
    private final EmailSender sender = new EmailSender(Clock.fixed(Events.AT, ZoneOffset.UTC), Duration.ofSeconds(5));

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)});
        mail.start();
        mail.setUser("vouch@acme.example", "vouch", PASSWORD);
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    private EmailChannel plain(String password) {
        return new EmailChannel("mail", "127.0.0.1", mail.getSmtp().getPort(), EmailChannel.TlsMode.NONE, "vouch",
                password, "Vouch <vouch@acme.example>", List.of("sec@acme.example", "cto@acme.example"),
                Severity.LOW, true);
    }

    @Test
    void newFailuresArriveAsTextAndHtmlWithSubjectAndRecipients() throws Exception {
        DeliveryResult r = sender.deliver(Events.threeFailures(), plain(PASSWORD));
        assertThat(r).isEqualTo(new DeliveryResult("mail", true, 1,
                "email 'mail' (127.0.0.1:" + mail.getSmtp().getPort() + "): sent to 2 recipient(s)"));

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage m = received[0];
        assertThat(m.getSubject()).isEqualTo("[Vouch] Acme: 3 new failures (1 critical, 1 high)");
        assertThat(Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactly("sec@acme.example", "cto@acme.example");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Vouch <vouch@acme.example>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(Events.AT);

        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains(
                "- [critical] AWS-S3-001 logs-bucket: Bucket logs-bucket is public\n",
                "- [high] LNX-SSH-002 web-1: sshd permits root login <yes> & passwords\n",
                "- [medium] AZ-STG-003 stgprod: Storage account stgprod allows TLS1_0\n",
                "Open in Vouch: https://vouch.example.com/scans/scan-42");
        assertThat(html).contains("<li>[high] LNX-SSH-002 web-1: sshd permits root login &lt;yes&gt; &amp; passwords</li>",
                "<a href=\"https://vouch.example.com/scans/scan-42\">");
    }

    @Test
    void overdueTaskSubject() throws Exception {
        assertThat(sender.deliver(Events.overdue(), plain(PASSWORD)).ok()).isTrue();
        MimeMessage m = mail.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[Vouch] Acme: task T-12 overdue by 3 days");
        String text = ((String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(text).contains("\"Rotate the deploy key\" owned by alice@acme.example was due 2025-03-01T00:00:00Z.");
    }

    @Test
    void wrongPasswordFailsWithoutRevealingEitherPassword() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        DeliveryResult r;
        try {
            r = sender.deliver(Events.drift(), plain("Wrong-" + PASSWORD));
        } finally {
            System.setErr(err);
        }
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).startsWith("email 'mail' (127.0.0.1:" + mail.getSmtp().getPort() + "): ")
                .contains("AuthenticationFailedException").doesNotContain(PASSWORD);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("email 'mail'").doesNotContain(PASSWORD);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void startTlsRequiredAgainstAServerWithoutStartTlsFailsClearlyAndSendsNothing() {
        EmailChannel channel = EmailChannel.startTls("mail", "127.0.0.1", mail.getSmtp().getPort(), "vouch",
                PASSWORD, "vouch@acme.example", List.of("sec@acme.example"));
        DeliveryResult r = sender.deliver(Events.drift(), channel);
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains("email 'mail' (127.0.0.1:", "STARTTLS is required but host does not support "
                + "STARTTLS").doesNotContain(PASSWORD);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }

    @Test
    void implicitTlsRefusesAnUntrustedCertificate() {
        // GreenMail's SMTPS uses a self-signed test certificate: certificate checking is on by default,
        // so the connection is refused before any credential is sent.
        EmailChannel channel = new EmailChannel("smtps", "127.0.0.1", mail.getSmtps().getPort(),
                EmailChannel.TlsMode.IMPLICIT_TLS, "vouch", PASSWORD, "vouch@acme.example",
                List.of("sec@acme.example"), Severity.LOW, false);
        DeliveryResult r = sender.deliver(Events.drift(), channel);
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).startsWith("email 'smtps' (127.0.0.1:" + mail.getSmtps().getPort() + "): ")
                .contains("SSLHandshakeException", "PKIX path building failed").doesNotContain(PASSWORD);
        assertThat(mail.getReceivedMessages()).isEmpty();
    }
}
