package dev.vouch.collect.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The real bearer policy over HTTPS (WireMock's self-signed certificate, trusted only in this test) with
 * a fake credential: the token is sent with the Graph scope, and appears in no resource and no
 * collection error, even when Graph echoes it back in error messages.
 */
class GraphTokenSafetyTest {
    static final String TOKEN = "eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJncmFwaCJ9.Z3JhcGgtc2lnbmF0dXJlLXNlY3JldA";

    @Test
    void tokenIsSentButNeverStoredOrReported() throws Exception {
        List<String> scopes = new CopyOnWriteArrayList<>();
        TokenCredential fake = (TokenRequestContext ctx) -> {
            scopes.addAll(ctx.getScopes());
            return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        };
        WireMockServer server = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        server.start();
        try {
            String base = "https://localhost:" + server.httpsPort();
            new GraphMock(server, base).northwind();
            server.stubFor(get(urlPathEqualTo("/v1.0/identity/conditionalAccess/policies")).atPriority(1)
                    .willReturn(aResponse().withStatus(403).withHeader("WWW-Authenticate", "Bearer error=\"insufficient_claims\"")
                            .withBody(GraphMock.graphError("Authorization_RequestDenied", "denied for Bearer " + TOKEN))));
            server.stubFor(get(urlPathEqualTo("/v1.0/applications")).atPriority(1)
                    .willReturn(aResponse().withStatus(500).withBody(GraphMock.graphError(TOKEN, "token " + TOKEN + " rejected"))));
            GraphApi api = new GraphApi(GraphApi.pipeline(new JdkHttpClientBuilder(trustingClient()).build(), Duration.ofMillis(1),
                    new BearerTokenAuthenticationPolicy(fake, GraphApi.SCOPE)), base);

            Collection result = new GraphLiveCollector(GraphLiveCollectorTest.CLOCK, api, 3).collect();

            server.verify(getRequestedFor(urlPathEqualTo("/v1.0/organization")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
            assertThat(scopes).isNotEmpty().containsOnly("https://graph.microsoft.com/.default");
            assertThat(result.errors()).hasSize(2);
            assertThat(result.errors()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(TOKEN)
                    .doesNotContain("Z3JhcGgtc2lnbmF0dXJl"));
            assertThat(result.resources()).isNotEmpty().allSatisfy(r -> assertThat(r.toString()).doesNotContain(TOKEN));
            assertThat(result.errors()).anySatisfy(e -> assertThat(e.message()).endsWith("denied for Bearer <redacted>"));
            assertThat(result.errors()).anySatisfy(e -> assertThat(e.message())
                    .isEqualTo("500 <redacted>: reading /v1.0/applications failed at " + base + "/v1.0/applications?$select="
                            + "id,appId,displayName,passwordCredentials,keyCredentials&$top=999; this data is unresolved: "
                            + "token <redacted> rejected"));
        } finally {
            server.stop();
        }
    }

    @Test
    void onlyHttpsEndpointsTakeACredential() {
        TokenCredential fake = ctx -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        assertThatThrownBy(() -> GraphApi.withCredential(fake, "http://graph.example"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://").hasMessageNotContaining(TOKEN);
        assertThat(GraphApi.withCredential(fake, "https://graph.microsoft.us/").baseUrl()).isEqualTo("https://graph.microsoft.us");
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
