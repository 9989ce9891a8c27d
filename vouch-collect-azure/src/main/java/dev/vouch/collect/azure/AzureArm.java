package dev.vouch.collect.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Context;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Azure Resource Manager over an azure-core {@link HttpPipeline}: bearer-token authentication
 * (scope {@code <endpoint>/.default}), a bounded retry that honours {@code Retry-After} on 429/503
 * (and other transient statuses), and the JDK HTTP client. Only reads are issued: GETs, and the one
 * read-only POST of Policy Insights ({@code policyStates/latest/summarize}). The token lives in
 * the pipeline's authentication policy and is never returned, logged or put in a message.
 */
public final class AzureArm {
    /** Public Azure cloud; sovereign clouds pass their own endpoint to {@link #withCredential}. */
    public static final String PUBLIC_CLOUD = "https://management.azure.com";
    static final int MAX_RETRIES = 5;

    private final HttpPipeline pipeline;
    private final String baseUrl;

    AzureArm(HttpPipeline pipeline, String baseUrl) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        String base = Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * The public cloud with {@code DefaultAzureCredential}: environment variables (AZURE_CLIENT_ID,
     * AZURE_TENANT_ID, AZURE_CLIENT_SECRET or a certificate), workload identity, managed identity,
     * then the Azure CLI's {@code az login}, ... See docs/permissions.md.
     */
    public static AzureArm withDefaultCredential() {
        return withCredential(new DefaultAzureCredentialBuilder().build(), PUBLIC_CLOUD);
    }

    /** Any credential and ARM endpoint (e.g. {@code https://management.usgovcloudapi.net}); HTTPS only. */
    public static AzureArm withCredential(TokenCredential credential, String endpoint) {
        Objects.requireNonNull(credential, "credential");
        if (!endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("ARM endpoint must use https://, was '" + endpoint + "'");
        }
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return new AzureArm(pipeline(new JdkHttpClientBuilder().build(), Duration.ofSeconds(1),
                new BearerTokenAuthenticationPolicy(credential, base + "/.default")), base);
    }

    /** No authentication, plain HTTP allowed, 1 ms retry base delay (Retry-After is still honoured). For tests. */
    public static AzureArm forTesting(String baseUrl) {
        return new AzureArm(pipeline(new JdkHttpClientBuilder().build(), Duration.ofMillis(1)), baseUrl);
    }

    /** The pipeline every factory uses: [auth policy], retry, on the given client. */
    static HttpPipeline pipeline(HttpClient client, Duration retryBaseDelay, HttpPipelinePolicy... auth) {
        List<HttpPipelinePolicy> policies = new ArrayList<>(List.of(auth));
        policies.add(new RetryPolicy(new ExponentialBackoff(MAX_RETRIES, retryBaseDelay, Duration.ofSeconds(60))));
        return new HttpPipelineBuilder().httpClient(client).policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
    }

    /** The ARM endpoint, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** One GET; retries already happened inside the pipeline. Transport failures throw unchecked. */
    ArmReply get(String url) {
        return send(new HttpRequest(HttpMethod.GET, url));
    }

    /** One body-less POST, for read actions such as {@code policyStates/latest/summarize}. */
    ArmReply post(String url) {
        return send(new HttpRequest(HttpMethod.POST, url));
    }

    private ArmReply send(HttpRequest request) {
        request.setHeader(com.azure.core.http.HttpHeaderName.ACCEPT, "application/json");
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            com.azure.core.util.BinaryData body = response.getBodyAsBinaryData();
            return new ArmReply(response.getStatusCode(), body == null ? "" : body.toString());
        }
    }

    /** A response: HTTP status and body text. */
    record ArmReply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
