package dev.vouch.collect.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * Signed REST GETs for the services whose SDK modules this build lacks (GuardDuty, S3 Control): the
 * request is signed with the SDK's SigV4 signer ({@link AwsV4HttpSigner}) using the collection's
 * credentials and clock, sent over the collection's {@link SdkHttpClient}, and retried under the same
 * {@link RetryStrategy} as the SDK clients (throttling and 5xx, bounded attempts). A non-2xx answer is
 * an {@link AwsServiceException} with the AWS error code and message, so {@link Calls} reports it
 * like an SDK failure; request headers (credentials, signature) never go into messages.
 *
 * <p>Endpoints: {@code https://<host><path>} for real AWS; with an endpoint override (tests) every
 * request goes to {@code <override><path>} (no host prefix such as the S3 Control account id), which
 * is what WireMock matches on.
 */
final class SignedRest {
    private static final int MAX_BODY = 4 * 1024 * 1024;
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** One GET: signing name, region, real host, path, query and extra headers. */
    record Get(String service, Region region, String host, String path, Map<String, String> query,
               Map<String, String> headers) {
        Get {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(region, "region");
            query = Map.copyOf(query);
            headers = Map.copyOf(headers);
        }
    }

    /** How an error body names its code and message: REST-JSON (GuardDuty) or REST-XML (S3 Control). */
    enum ErrorFormat { JSON, XML }

    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;
    private final RetryStrategy retry;
    private final Optional<URI> endpoint;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SignedRest(AwsCredentialsProvider credentials, SdkHttpClient http, RetryStrategy retry, Optional<URI> endpoint,
               Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The DNS suffix of the region's partition ({@code amazonaws.com}, {@code amazonaws.com.cn}, …). */
    static String domain(Region region) {
        var meta = region.metadata();
        return meta == null ? "amazonaws.com" : meta.domain();
    }

    /** The 2xx body of {@code get} as text, after bounded retries; otherwise an {@link SdkException}. */
    String get(Get get, ErrorFormat format) {
        RetryToken token = retry.acquireInitialToken(AcquireInitialTokenRequest.create(get.service())).token();
        while (true) {
            try {
                String body = attempt(get, format);
                retry.recordSuccess(RecordSuccessRequest.create(token));
                return body;
            } catch (SdkException e) {
                Duration delay;
                try {
                    var next = retry.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(e).build());
                    token = next.token();
                    delay = next.delay();
                } catch (TokenAcquisitionFailedException exhausted) {
                    throw e;
                }
                pause(delay, get);
            }
        }
    }

    private String attempt(Get get, ErrorFormat format) {
        SdkHttpRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(unsigned(get))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, get.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, get.region().id())
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, !s3(get))
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, !s3(get))
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request();
        URI uri = signed.getUri();
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed).build()).call();
            int status = response.httpResponse().statusCode();
            String body = read(response);
            if (status / 100 == 2) {
                return body;
            }
            throw failure(get.service(), status, response, body, format);
        } catch (IOException e) {
            throw SdkClientException.create("cannot reach " + uri.getScheme() + "://" + uri.getAuthority() + ": "
                    + e.getMessage(), e);
        }
    }

    private SdkHttpRequest unsigned(Get get) {
        URI base = endpoint.orElseGet(() -> URI.create("https://" + get.host()));
        String prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        SdkHttpRequest.Builder b = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(base)
                .encodedPath(prefix + get.path());
        get.query().forEach(b::putRawQueryParameter);
        get.headers().forEach(b::putHeader);
        if (s3(get)) {
            b.putHeader("x-amz-content-sha256", EMPTY_SHA256);
        }
        return b.build();
    }

    /** S3 signs its payload hash header and neither double-encodes nor normalizes paths. */
    private static boolean s3(Get get) {
        return get.service().equals("s3");
    }

    private static String read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IOException("response body larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static AwsServiceException failure(String service, int status, HttpExecuteResponse response, String body,
                                               ErrorFormat format) {
        RestShapes.ErrorInfo info = format == ErrorFormat.JSON
                ? RestShapes.jsonError(response.httpResponse().firstMatchingHeader("x-amzn-ErrorType"), body)
                : RestShapes.xmlError(body);
        String message = info.message().isEmpty() ? "HTTP " + status : info.message();
        return AwsServiceException.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(info.code()).errorMessage(info.message())
                        .serviceName(service).build()).build();
    }

    private static void pause(Duration delay, Get get) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while retrying " + get.service() + " " + get.path(),
                    new InterruptedIOException());
        }
    }
}
