package dev.vouch.collect.aws;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients one live collection uses, all over one {@link JdkSdkHttpClient}: global IAM, S3 and
 * STS, and per-region CloudTrail, KMS, EC2, RDS and Config clients built on first use, plus signed REST
 * calls ({@link SignedRest}) for GuardDuty and S3 Control, whose SDK modules this build lacks. Retries use
 * the SDK's standard mode (bounded attempts with backoff; throttling and 5xx are retried).
 */
public final class AwsClients implements AutoCloseable {
    private final Settings settings;
    private final SdkHttpClient http;
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();

    /**
     * @param credentials where keys come from ({@link DefaultCredentialsProvider} in production)
     * @param endpoint one endpoint for every service (tests), or empty for the real AWS endpoints
     * @param homeRegion region of the global services (IAM, S3 listing, STS)
     * @param retry the retry strategy; {@link #standardRetry()} in production
     * @param timeout connect and per-attempt read timeout
     */
    public record Settings(AwsCredentialsProvider credentials, Optional<URI> endpoint, Region homeRegion,
                           RetryStrategy retry, Duration timeout) {
        public Settings {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(homeRegion, "homeRegion");
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    public AwsClients(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new JdkSdkHttpClient(settings.timeout(), settings.timeout());
    }

    /** Production clients: default credential chain, real endpoints, standard retries, 30 s timeouts. */
    public static AwsClients production(Region homeRegion) {
        return new AwsClients(new Settings(DefaultCredentialsProvider.builder().build(), Optional.empty(),
                homeRegion, standardRetry(), Duration.ofSeconds(30)));
    }

    /** The SDK's standard retry mode: at most 3 attempts, exponential backoff, throttling retried. */
    public static RetryStrategy standardRetry() {
        return AwsRetryStrategy.forRetryMode(RetryMode.STANDARD);
    }

    public Region homeRegion() {
        return settings.homeRegion();
    }

    IamClient iam() {
        return get("iam", Region.AWS_GLOBAL, IamClient.builder(), b -> b.build());
    }

    StsClient sts() {
        return get("sts", settings.homeRegion(), StsClient.builder(), b -> b.build());
    }

    S3Client s3() {
        return get("s3", settings.homeRegion(), S3Client.builder(),
                b -> b.forcePathStyle(settings.endpoint().isPresent()).crossRegionAccessEnabled(true).build());
    }

    CloudTrailClient cloudTrail(Region region) {
        return get("cloudtrail", region, CloudTrailClient.builder(), b -> b.build());
    }

    KmsClient kms(Region region) {
        return get("kms", region, KmsClient.builder(), b -> b.build());
    }

    Ec2Client ec2(Region region) {
        return get("ec2", region, Ec2Client.builder(), b -> b.build());
    }

    RdsClient rds(Region region) {
        return get("rds", region, RdsClient.builder(), b -> b.build());
    }

    ConfigClient config(Region region) {
        return get("config", region, ConfigClient.builder(), b -> b.build());
    }

    /** Signed REST calls (GuardDuty, S3 Control) with these credentials, HTTP client, retries and endpoint. */
    SignedRest signedRest(Clock clock) {
        return new SignedRest(settings.credentials(), http, settings.retry(), settings.endpoint(), clock);
    }

    @SuppressWarnings("unchecked")
    private <B extends AwsClientBuilder<B, C>, C extends SdkAutoCloseable> C get(
            String service, Region region, B builder, Function<B, C> build) {
        return (C) clients.computeIfAbsent(service + "@" + region.id(), k -> build.apply(configure(builder, region)));
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region) {
        builder.region(region).credentialsProvider(settings.credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(settings.retry())
                        .apiCallTimeout(settings.timeout().multipliedBy(4)).build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        clients.values().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        });
        clients.clear();
        http.close();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cannot close " + failures.size() + " AWS client(s)", failures.get(0));
        }
    }
}
