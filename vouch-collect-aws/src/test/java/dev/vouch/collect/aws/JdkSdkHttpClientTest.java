package dev.vouch.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class JdkSdkHttpClientTest {
    private WireMockServer server;
    private JdkSdkHttpClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        client = new JdkSdkHttpClient(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    private SdkHttpRequest.Builder request(SdkHttpMethod method, String path) {
        return SdkHttpRequest.builder().method(method).uri(URI.create(server.baseUrl() + path));
    }

    @Test
    void sendsHeadersAndStreamsTheRequestBodyWithItsLength() throws IOException {
        server.stubFor(post(urlEqualTo("/upload")).willReturn(aResponse().withStatus(200).withBody("ok")));
        byte[] body = "Action=ListPolicies&Scope=Local".getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest r = request(SdkHttpMethod.POST, "/upload").putHeader("X-Amz-Date", "20240101T000000Z")
                .putHeader("Content-Type", "application/x-www-form-urlencoded")
                .putHeader("Content-Length", String.valueOf(body.length)).putHeader("Host", "ignored.example").build();
        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(r)
                .contentStreamProvider(() -> new ByteArrayInputStream(body)).build()).call();

        assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        server.verify(postRequestedFor(urlEqualTo("/upload"))
                .withHeader("X-Amz-Date", equalTo("20240101T000000Z"))
                .withHeader("Content-Length", equalTo(String.valueOf(body.length)))
                .withRequestBody(equalTo("Action=ListPolicies&Scope=Local")));
    }

    @Test
    void returnsErrorStatusesHeadersAndTheBodyAsAStream() throws IOException {
        String big = "x".repeat(300_000);
        server.stubFor(get(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("x-amzn-RequestId", "req-1").withBody(big)));
        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder()
                .request(request(SdkHttpMethod.GET, "/missing").build()).build()).call();

        assertThat(response.httpResponse().statusCode()).isEqualTo(404);
        assertThat(response.httpResponse().firstMatchingHeader("X-Amzn-RequestId")).contains("req-1");
        try (InputStream in = response.responseBody().orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(big);
        }
        server.verify(getRequestedFor(urlEqualTo("/missing")));
    }

    @Test
    void anEmptyBodyIsSentWithoutChunking() throws IOException {
        server.stubFor(post(urlEqualTo("/empty")).willReturn(aResponse().withStatus(204)));
        SdkHttpRequest r = request(SdkHttpMethod.POST, "/empty").putHeader("Content-Length", "0").build();
        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(r)
                .contentStreamProvider(() -> new ByteArrayInputStream(new byte[0])).build()).call();

        assertThat(response.httpResponse().statusCode()).isEqualTo(204);
        server.verify(postRequestedFor(urlEqualTo("/empty")).withHeader("Content-Length", equalTo("0")));
    }

    @Test
    void anAbortedRequestIsNotSent() {
        ExecutableHttpRequest exchange = client.prepareRequest(HttpExecuteRequest.builder()
                .request(request(SdkHttpMethod.GET, "/never").build()).build());
        exchange.abort();

        assertThatThrownBy(exchange::call).isInstanceOf(IOException.class).hasMessageContaining("aborted");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsAnIoException() {
        int port = server.port();
        server.stop();
        SdkHttpRequest r = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://localhost:" + port + "/down")).build();

        assertThatThrownBy(() -> client.prepareRequest(HttpExecuteRequest.builder().request(r).build()).call())
                .isInstanceOf(IOException.class);
    }
}
