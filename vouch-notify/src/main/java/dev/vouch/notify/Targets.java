package dev.vouch.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may post. A host that resolves to this machine or a private network (loopback, link-local
 * such as the cloud metadata address 169.254.169.254, RFC 1918, carrier-grade NAT, IPv6 unique-local) is refused
 * unless the channel says {@code allowPrivateNetwork}: a webhook URL must not turn Vouch into a way to reach
 * internal services. A URL that names a loopback address literally (a local receiver) is what it says and allowed.
 * The check is made on every delivery; the HTTP client resolves the name again, so a DNS answer that changes in
 * between (rebinding) is not caught: keep webhook hosts to names you trust.
 */
final class Targets {
    private static final Set<String> LITERAL_LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private Targets() {
    }

    /** Why the channel may not be posted to now; empty when it may. */
    static Optional<String> refusal(WebhookChannel channel) {
        String host = channel.url().getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("the URL has no host");
        }
        if (channel.allowPrivateNetwork() || LITERAL_LOOPBACK.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("cannot resolve the host " + host);
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                return Optional.of(host + " resolves to an internal address (" + a.getHostAddress()
                        + "); set allowPrivateNetwork on the channel if that is intended");
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127); // this network; carrier-grade NAT
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
