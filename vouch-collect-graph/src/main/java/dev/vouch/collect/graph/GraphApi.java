package dev.vouch.collect.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestRetryCondition;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.identity.DefaultAzureCredentialBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Microsoft Graph over an azure-core {@link HttpPipeline}: bearer-token authentication (scope
 * {@code https://graph.microsoft.com/.default}), a bounded retry on 429/503/504 (and transport
 * failures) that honours {@code Retry-After}, and the JDK HTTP client. Only GETs are issued. The token
 * lives in the pipeline's authentication policy and is never returned, logged or put in a message.
 */
public final class GraphApi {
    /** Global Graph service; national clouds pass their own endpoint to {@link #withCredential}. */
    public static final String PUBLIC_CLOUD = "https://graph.microsoft.com";
    static final String SCOPE = "https://graph.microsoft.com/.default";
    static final int MAX_RETRIES = 5;

    private final HttpPipeline pipeline;
    private final String baseUrl;

    GraphApi(HttpPipeline pipeline, String baseUrl) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.baseUrl = trim(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /**
     * The global Graph service with {@code DefaultAzureCredential} (environment service principal,
     * workload identity, managed identity, then {@code az login} …). See docs/permissions.md.
     */
    public static GraphApi withDefaultCredential() {
        return withCredential(new DefaultAzureCredentialBuilder().build(), PUBLIC_CLOUD);
    }

    /**
     * Any credential and Graph endpoint (e.g. {@code https://graph.microsoft.us}); HTTPS only. The token
     * scope is {@code <endpoint>/.default}, which is {@value #SCOPE} for the global service.
     */
    public static GraphApi withCredential(TokenCredential credential, String endpoint) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(endpoint, "endpoint");
        if (!endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("Graph endpoint must use https://, was '" + endpoint + "'");
        }
        String base = trim(endpoint);
        return new GraphApi(pipeline(new JdkHttpClientBuilder().build(), Duration.ofSeconds(1),
                new BearerTokenAuthenticationPolicy(credential, base + "/.default")), base);
    }

    /** No authentication, plain HTTP allowed, 1 ms retry base delay (Retry-After is still honoured). For tests. */
    public static GraphApi forTesting(String baseUrl) {
        return new GraphApi(pipeline(new JdkHttpClientBuilder().build(), Duration.ofMillis(1)), baseUrl);
    }

    /** The pipeline every factory uses: [auth policy], retry, on the given client. */
    static HttpPipeline pipeline(HttpClient client, Duration retryBaseDelay, HttpPipelinePolicy... auth) {
        List<HttpPipelinePolicy> policies = new ArrayList<>(List.of(auth));
        policies.add(new RetryPolicy(new TransientOnly(new ExponentialBackoff(MAX_RETRIES, retryBaseDelay, Duration.ofSeconds(60)))));
        return new HttpPipelineBuilder().httpClient(client).policies(policies.toArray(HttpPipelinePolicy[]::new)).build();
    }

    /** The Graph endpoint, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** One GET of an absolute URL; retries already happened inside the pipeline. Transport failures throw unchecked. */
    Reply get(String url) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, url);
        request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            BinaryData body = response.getBodyAsBinaryData();
            return new Reply(response.getStatusCode(), body == null ? "" : body.toString());
        }
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A response: HTTP status and body text. */
    record Reply(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Graph's throttling statuses only (429, 503, 504) and transport failures; the delay is the
     * response's {@code Retry-After} when present (azure-core's {@link RetryPolicy} reads it), else back-off.
     */
    private record TransientOnly(ExponentialBackoff backoff) implements RetryStrategy {
        private static final Set<Integer> STATUSES = Set.of(429, 503, 504);

        @Override
        public int getMaxRetries() {
            return backoff.getMaxRetries();
        }

        @Override
        public Duration calculateRetryDelay(int retryAttempts) {
            return backoff.calculateRetryDelay(retryAttempts);
        }

        @Override
        public boolean shouldRetryCondition(RequestRetryCondition condition) {
            return condition.getResponse() != null ? STATUSES.contains(condition.getResponse().getStatusCode())
                    : backoff.shouldRetryCondition(condition);
        }
    }
}
