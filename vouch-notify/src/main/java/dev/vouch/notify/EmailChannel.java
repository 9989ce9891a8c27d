package dev.vouch.notify;

import dev.vouch.model.Severity;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Objects;

/**
 * An SMTP relay and the people to write to. Secure by default: STARTTLS is required; a channel
 * without TLS ({@link TlsMode#NONE}) is refused unless {@code allowInsecure} is set, so a password
 * never crosses the network in clear by accident. The password never appears in {@link #toString()}.
 *
 * @param name unique channel name
 * @param host SMTP host
 * @param port SMTP port (587 for STARTTLS, 465 for implicit TLS, typically)
 * @param tls how the connection is protected
 * @param username SMTP user, or empty for no authentication
 * @param password SMTP password (secret), or empty
 * @param from sender address, strict RFC 822
 * @param to recipients, at least one, strict RFC 822
 * @param minSeverity new-failure items below this are left out
 * @param allowInsecure must be true for {@link TlsMode#NONE}
 */
public record EmailChannel(String name, String host, int port, TlsMode tls, String username, String password,
                           String from, List<String> to, Severity minSeverity, boolean allowInsecure)
        implements Channel {

    /** How the SMTP connection is protected. */
    public enum TlsMode {
        /** Plain connection upgraded with STARTTLS; fails if the server does not offer it. The default. */
        STARTTLS_REQUIRED,
        /** TLS from the first byte (SMTPS, usually port 465). */
        IMPLICIT_TLS,
        /** No TLS at all; refused unless {@code allowInsecure}. */
        NONE
    }

    public EmailChannel {
        name = Fields.oneLine(name, "name");
        host = Fields.oneLine(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("email channel '" + name + "': field 'port' must be 1..65535, was "
                    + port);
        }
        tls = tls == null ? TlsMode.STARTTLS_REQUIRED : tls;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (tls == TlsMode.NONE && !allowInsecure) {
            throw new IllegalArgumentException("email channel '" + name + "': field 'tls' is NONE for host " + host
                    + "; plain SMTP" + (username.isEmpty() ? "" : " with a password")
                    + " is refused unless 'allowInsecure' is true");
        }
        if (!username.isEmpty() && password.isEmpty()) {
            throw new IllegalArgumentException("email channel '" + name + "': field 'password' is required when "
                    + "'username' is set");
        }
        from = address(name, "from", from);
        Objects.requireNonNull(to, "email channel '" + name + "': field 'to' is required");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("email channel '" + name + "': field 'to' needs at least one address");
        }
        String channel = name;
        to = to.stream().map(a -> address(channel, "to", a)).toList();
        minSeverity = minSeverity == null ? Severity.LOW : minSeverity;
    }

    /** A STARTTLS-required channel: the secure default. */
    public static EmailChannel startTls(String name, String host, int port, String username, String password,
                                        String from, List<String> to) {
        return new EmailChannel(name, host, port, TlsMode.STARTTLS_REQUIRED, username, password, from, to,
                Severity.LOW, false);
    }

    private static String address(String channel, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("email channel '" + channel + "': field '" + field + "' is required");
        }
        try {
            InternetAddress parsed = new InternetAddress(value.trim(), true);
            parsed.validate();
            return parsed.toString();
        } catch (AddressException e) {
            throw new IllegalArgumentException("email channel '" + channel + "': field '" + field
                    + "' is not a valid address: '" + value.replaceAll("\\p{Cntrl}", "?") + "' (" + e.getMessage()
                    + ")", e);
        }
    }

    @Override
    public String toString() {
        return "EmailChannel[name=" + name + ", host=" + host + ", port=" + port + ", tls=" + tls + ", username="
                + username + ", password=" + (password.isEmpty() ? "" : "***") + ", from=" + from + ", to=" + to
                + ", minSeverity=" + minSeverity + ", allowInsecure=" + allowInsecure + "]";
    }
}
