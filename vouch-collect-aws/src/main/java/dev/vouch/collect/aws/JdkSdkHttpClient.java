package dev.vouch.collect.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An AWS SDK v2 {@link SdkHttpClient} over {@link java.net.http.HttpClient} (HTTP/1.1), so the SDK
 * needs neither the Apache nor the Netty client. Request bodies are streamed from the SDK's
 * {@link ContentStreamProvider} (with the declared Content-Length when there is one), response bodies
 * are handed back as a stream, and {@link ExecutableHttpRequest#abort()} cancels the exchange.
 * Headers the JDK client sets itself (Host, Content-Length, Connection, Expect, Upgrade) are left to it.
 */
public final class JdkSdkHttpClient implements SdkHttpClient {
    private static final Set<String> JDK_OWNED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding");

    private final HttpClient client;
    private final Duration readTimeout;

    /**
     * @param connectTimeout bound on opening a connection
     * @param readTimeout bound on waiting for the response headers of one attempt
     */
    public JdkSdkHttpClient(Duration connectTimeout, Duration readTimeout) {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout, "connectTimeout"))
                .followRedirects(HttpClient.Redirect.NEVER).build(), readTimeout);
    }

    JdkSdkHttpClient(HttpClient client, Duration readTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new Exchange(toJdk(request));
    }

    @Override
    public String clientName() {
        return "JdkHttpClient";
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has no close(); its threads end when it is unreachable.
    }

    HttpRequest toJdk(HttpExecuteRequest request) {
        SdkHttpRequest r = request.httpRequest();
        HttpRequest.Builder b = HttpRequest.newBuilder(r.getUri()).timeout(readTimeout);
        r.forEachHeader((name, values) -> {
            if (!JDK_OWNED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return b.method(r.method().name(), body(r, request.contentStreamProvider())).build();
    }

    private static HttpRequest.BodyPublisher body(SdkHttpRequest r, Optional<ContentStreamProvider> content) {
        if (content.isEmpty()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        ContentStreamProvider provider = content.get();
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(provider::newStream);
        Optional<String> length = r.firstMatchingHeader("Content-Length");
        if (length.isEmpty()) {
            return stream;
        }
        long n = Long.parseLong(length.get().trim());
        return n == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.fromPublisher(stream, n);
    }

    static SdkHttpResponse toSdk(HttpResponse<?> response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> {
            if (!k.startsWith(":")) {
                headers.put(k, v);
            }
        });
        return SdkHttpResponse.builder().statusCode(response.statusCode()).headers(headers).build();
    }

    /** One prepared exchange: {@link #call()} sends it once; {@link #abort()} cancels it from another thread. */
    private final class Exchange implements ExecutableHttpRequest {
        private final HttpRequest request;
        private volatile CompletableFuture<HttpResponse<InputStream>> future;
        private volatile boolean aborted;

        Exchange(HttpRequest request) {
            this.request = request;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            if (aborted) {
                throw new IOException("request to " + request.uri() + " was aborted");
            }
            future = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> response = await();
            InputStream body = response.body();
            return HttpExecuteResponse.builder().response(toSdk(response))
                    .responseBody(AbortableInputStream.create(body, () -> closeBody(body))).build();
        }

        private HttpResponse<InputStream> await() throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for " + request.uri());
            } catch (CancellationException e) {
                throw new IOException("request to " + request.uri() + " was aborted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException("request to " + request.uri() + " failed: " + cause, cause);
            }
        }

        @Override
        public void abort() {
            aborted = true;
            CompletableFuture<HttpResponse<InputStream>> f = future;
            if (f != null) {
                f.cancel(true);
                f.thenAccept(r -> closeBody(r.body()));
            }
        }
    }

    private static void closeBody(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close a response body", e);
        }
    }
}
