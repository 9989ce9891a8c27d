package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.model.Collection;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The real bearer policy over HTTPS (WireMock's self-signed certificate, trusted only in this test)
 * with a fake credential: the token is sent, and appears in no resource and no collection error,
 * even when the server echoes it back in an error message.
 */
class TokenSafetyTest {
    static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ2b3VjaC10ZXN0In0.c2lnbmF0dXJlLXNlY3JldA";
    static final String SUB = "99999999-9999-4999-8999-000000000009";

    @Test
    void tokenIsSentButNeverStoredOrReported() throws Exception {
        List<String> scopes = new ArrayList<>();
        TokenCredential fake = (TokenRequestContext ctx) -> {
            scopes.addAll(ctx.getScopes());
            return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        };
        WireMockServer server = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        server.start();
        try {
            String base = "https://localhost:" + server.httpsPort();
            server.stubFor(get(urlPathMatching("/subscriptions/[^/]+/.*")).atPriority(10).willReturn(okJson("{\"value\":[]}")));
            server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/subscriptions/[^/]+/.*"))
                    .atPriority(10).willReturn(okJson("{\"value\":[]}")));
            server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage/storageAccounts"))
                    .willReturn(aResponse().withStatus(403).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                            .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"denied for Bearer " + TOKEN + "\"}}")));
            server.stubFor(get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Sql/servers"))
                    .willReturn(aResponse().withStatus(500)
                            .withBody("{\"error\":{\"code\":\"InternalServerError\",\"message\":\"token " + TOKEN + " rejected\"}}")));
            AzureArm arm = new AzureArm(AzureArm.pipeline(new JdkHttpClientBuilder(trustingClient()).build(), Duration.ofMillis(1),
                    new BearerTokenAuthenticationPolicy(fake, "https://management.azure.com/.default")), base);

            Collection result = new AzureLiveCollector(AzureLiveCollectorTest.CLOCK, arm, Set.of(SUB), 2).collect();

            server.verify(getRequestedFor(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage/storageAccounts"))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
            assertThat(scopes).contains("https://management.azure.com/.default");
            assertThat(result.errors()).hasSize(2);
            assertThat(result.errors()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(TOKEN).doesNotContain("c2lnbmF0dXJl"));
            assertThat(result.resources()).allSatisfy(r -> assertThat(r.toString()).doesNotContain(TOKEN));
            assertThat(result.errors()).anySatisfy(e -> assertThat(e.message())
                    .isEqualTo("500 InternalServerError: listing Microsoft.Sql/servers in subscription " + SUB + " failed at "
                            + base + "/subscriptions/" + SUB + "/providers/Microsoft.Sql/servers after 5 retries: token <redacted> rejected"));
        } finally {
            server.stop();
        }
    }

    private static HttpClient.Builder trustingClient() throws Exception {
        // An extended manager, so the JDK adds no hostname check of its own: WireMock's certificate is self-signed.
        X509ExtendedTrustManager trustAll = new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {trustAll}, null);
        return HttpClient.newBuilder().sslContext(ssl);
    }
}
