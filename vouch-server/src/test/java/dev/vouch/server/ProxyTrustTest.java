package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.auth.TokenScope;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a TLS proxy the audit trail names the real client from X-Forwarded-For, but only when the request comes from
 * a proxy Vouch trusts: any private or loopback address by default, only the named ones with --trusted-proxy.
 */
class ProxyTrustTest {
    @TempDir
    Path dir;

    @Test
    void forwardedAddressesAreBelievedFromTrustedProxiesOnly() throws Exception {
        assertThat(auditedFrom(List.of())).isEqualTo("203.0.113.7");                                   // loopback is a private proxy
        assertThat(auditedFrom(List.of(InetAddress.getByName("10.9.9.9")))).isEqualTo("127.0.0.1");    // not the named proxy
    }

    private String auditedFrom(List<InetAddress> proxies) throws Exception {
        Path ws = ServerFixture.copyExample(dir.resolve("ws" + proxies.size()));
        ServerSettings s = new ServerSettings(ws, InetAddress.getLoopbackAddress(), 0, true, Duration.ofMinutes(30), false,
                Optional.empty(), Clock.systemUTC(), proxies);
        try (ServerFixture f = ServerFixture.start(s)) {
            f.user("root", Role.ADMIN, Optional.empty(), Optional.empty());
            String token = f.token("root", TokenScope.READ_WRITE);
            HttpRequest req = HttpRequest.newBuilder(URI.create(f.base + "/api/v1/users"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"vic\",\"role\":\"viewer\",\"password\":\""
                            + ServerFixture.PASSWORD + "\"}")).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(201);
            String audit = f.api("GET", "/api/v1/audit", token, null).body();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("account.create vic from ([0-9.]+)").matcher(audit);
            assertThat(m.find()).as(audit).isTrue();
            return m.group(1);
        }
    }
}
