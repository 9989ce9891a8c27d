package dev.vouch.notify;

import dev.vouch.model.Severity;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An incoming-webhook endpoint. The URL is a secret (Slack and Teams put the credential in the path):
 * {@link #toString()} and every message show only {@link #safeTarget()}.
 *
 * <p>The URL must be {@code https}; plain {@code http} is accepted only for loopback hosts
 * ({@code localhost}, {@code 127.0.0.1}, {@code ::1}), e.g. a local relay.
 *
 * @param name unique channel name
 * @param url the webhook URL (secret)
 * @param format the payload shape the endpoint expects
 * @param minSeverity new-failure items below this are left out
 */
public record WebhookChannel(String name, URI url, Format format, Severity minSeverity, boolean allowPrivateNetwork)
        implements Channel {

    /** Payload shapes. */
    public enum Format { SLACK, TEAMS, GENERIC }

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** A channel to a public endpoint (the usual Slack or Teams webhook); see {@code allowPrivateNetwork}. */
    public WebhookChannel(String name, URI url, Format format, Severity minSeverity) {
        this(name, url, format, minSeverity, false);
    }

    public WebhookChannel {
        name = Fields.oneLine(name, "name");
        Objects.requireNonNull(url, "webhook channel '" + name + "': field 'url' is required");
        Objects.requireNonNull(format, "webhook channel '" + name + "': field 'format' is required");
        minSeverity = minSeverity == null ? Severity.LOW : minSeverity;
        checkUrl(name, url);
    }

    private static void checkUrl(String name, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || !url.isAbsolute()) {
            throw new IllegalArgumentException("webhook channel '" + name + "': field 'url' must be an absolute URL");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("webhook channel '" + name
                    + "': field 'url' must not carry user info (host " + host + ")");
        }
        boolean loopback = LOOPBACK.contains(host.toLowerCase(Locale.ROOT)) || isLoopbackLiteral(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("webhook channel '" + name + "': field 'url' must use https (host "
                    + host + ", scheme '" + scheme + "'); http is allowed only for loopback hosts");
        }
    }

    private static boolean isLoopbackLiteral(String host) {
        if (!host.matches("[0-9.]+")) {
            return false; // never resolve names here
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** {@code scheme://host[:port]} — the only part of the URL ever shown. */
    public String safeTarget() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "");
    }

    @Override
    public String toString() {
        return "WebhookChannel[name=" + name + ", url=" + safeTarget() + "/***, format=" + format
                + ", minSeverity=" + minSeverity + "]";
    }
}
