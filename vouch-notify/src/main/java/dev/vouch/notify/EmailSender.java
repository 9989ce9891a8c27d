package dev.vouch.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications as multipart/alternative (text/plain + text/html) e-mail over SMTP with
 * Jakarta Mail. One attempt per channel: SMTP relays queue and retry themselves. TLS is STARTTLS
 * (required) or implicit; the server's certificate and host name are checked. Results and logs name
 * the channel, host and port, never the password.
 */
public final class EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

    private final Clock clock;
    private final Duration timeout;

    /** Uses the JVM's default trust store; the server's certificate and host name are checked. */
    public EmailSender(Clock clock, Duration timeout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Sends {@code notification} (already filtered for the channel) to every recipient of {@code channel}. */
    public DeliveryResult deliver(Notification notification, EmailChannel channel) {
        String who = "email '" + channel.name() + "' (" + channel.host() + ":" + channel.port() + ")";
        try {
            Session session = Session.getInstance(properties(channel));
            MimeMessage message = message(session, EmailContent.of(Digest.of(notification)), channel);
            try (Transport transport = session.getTransport(protocol(channel))) {
                transport.connect(channel.host(), channel.port(), blankToNull(channel.username()),
                        blankToNull(channel.password()));
                transport.sendMessage(message, message.getAllRecipients());
            }
            LOG.info("Delivered {} to {} for {} recipient(s)", WebhookSender.kind(notification), who,
                    channel.to().size());
            return new DeliveryResult(channel.name(), true, 1, who + ": sent to " + channel.to().size()
                    + " recipient(s)");
        } catch (MessagingException | IllegalArgumentException e) {
            String detail = who + ": " + describe(e, channel);
            LOG.warn("Notification not delivered: {}", detail);
            return new DeliveryResult(channel.name(), false, 1, detail);
        }
    }

    private MimeMessage message(Session session, EmailContent content, EmailChannel channel)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(channel.from(), true));
        for (String to : channel.to()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        }
        message.setSubject(EmailContent.subject(content.subject()), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative", text, html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    Properties properties(EmailChannel channel) {
        String protocol = protocol(channel);
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", channel.host());
        props.put(p + "port", Integer.toString(channel.port()));
        props.put(p + "auth", Boolean.toString(!channel.username().isEmpty()));
        String millis = Long.toString(timeout.toMillis());
        props.put(p + "connectiontimeout", millis);
        props.put(p + "timeout", millis);
        props.put(p + "writetimeout", millis);
        props.put(p + "from", envelopeSender(channel)); // MAIL FROM takes the bare address
        if (channel.tls() != EmailChannel.TlsMode.NONE) {
            props.put(p + "ssl.checkserveridentity", "true");
        }
        if (channel.tls() == EmailChannel.TlsMode.STARTTLS_REQUIRED) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        return props;
    }

    private static String envelopeSender(EmailChannel channel) {
        try {
            return new InternetAddress(channel.from(), true).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("email channel '" + channel.name() + "': field 'from': "
                    + e.getMessage(), e);
        }
    }

    private static String protocol(EmailChannel channel) {
        return channel.tls() == EmailChannel.TlsMode.IMPLICIT_TLS ? "smtps" : "smtp";
    }

    /** The exception chain's messages, with the password masked. */
    private static String describe(Exception e, EmailChannel channel) {
        StringBuilder out = new StringBuilder();
        Throwable t = e;
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
            out.append(depth == 0 ? "" : "; caused by ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage().replaceAll("\\s+", " ").trim());
            }
        }
        return Redact.secrets(out.toString(), channel.password());
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value; // Jakarta Mail's API: null means "no credentials"
    }
}
