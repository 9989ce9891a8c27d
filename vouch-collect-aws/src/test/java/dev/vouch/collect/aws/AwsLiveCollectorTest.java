package dev.vouch.collect.aws;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vouch.collect.awsoffline.AwsExportCollector;
import dev.vouch.model.Collection;
import dev.vouch.model.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import dev.vouch.model.Resource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

class AwsLiveCollectorTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-02T00:00:00Z"), ZoneOffset.UTC);
    WireMockServer server;
    AwsClients clients;
    final List<Integer> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        new AwsStubs(server).account();
        clients = new AwsClients(new AwsClients.Settings(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fake-secret-key")),
                Optional.of(URI.create(server.baseUrl())), Region.EU_WEST_1,
                AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build(),
                Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        clients.close();
        server.stop();
    }

    Collection collect() {
        return new AwsLiveCollector(CLOCK, clients, List.of(Region.EU_WEST_1), sleeps::add).collect();
    }

    static Resource withoutOrigin(Resource r) {
        return new Resource(r.type(), r.id(), r.name(), r.provider(), r.scope(), r.location(), r.tags(),
                r.properties(), r.attributes(), Origin.of("any", "any"), r.collectedAt(), r.unknowns(), r.errors());
    }

    static Map<String, Resource> byId(Collection c) {
        Map<String, Resource> out = new TreeMap<>();
        c.resources().forEach(r -> out.put(r.type() + " " + r.id(), withoutOrigin(r)));
        return out;
    }

    Resource only(Collection c, String type) {
        List<Resource> of = c.resources().stream().filter(r -> r.type().equals(type)).toList();
        assertThat(of).hasSize(1);
        return of.get(0);
    }

    @Test
    void liveAccountGivesTheSameResourcesAsItsCliExport(@TempDir Path dir) throws Exception {
        Path export = Path.of(getClass().getResource("/export").toURI());
        try (var files = Files.list(export)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        Files.writeString(dir.resolve("credential-report.csv"), AwsStubs.CSV);

        Collection live = collect();
        Collection exported = new AwsExportCollector(CLOCK).collect(dir);

        assertThat(exported.errors()).isEmpty();
        assertThat(live.errors()).isEmpty();
        assertThat(byId(live)).hasSize(13).isEqualTo(byId(exported));
        assertThat(live.resources()).allSatisfy(r -> assertThat(r.origin().source()).isEqualTo("aws"));
    }

    @Test
    void accountLevelExportsAreAllReadLive() {
        Collection c = collect();

        assertThat(c.errors()).isEmpty();
        Resource account = only(c, "aws.account");
        assertThat(account.id()).isEqualTo("aws:111122223333");
        assertThat(account.unknowns()).isEmpty();
        assertThat(account.properties().get("exports")).isEqualTo(Map.of("cloudtrail", true, "config", true,
                "guardduty", true, "s3control", true));
    }

    @Test
    void credentialReportIsGeneratedUntilCompleteThenRead() {
        server.stubFor(AwsStubs.action("GenerateCredentialReport").inScenario("report")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("started")
                .willReturn(AwsStubs.xml(200, AwsStubs.iam("GenerateCredentialReport", "<State>STARTED</State>"))));
        server.stubFor(AwsStubs.action("GenerateCredentialReport").inScenario("report")
                .whenScenarioStateIs("started")
                .willReturn(AwsStubs.xml(200, AwsStubs.iam("GenerateCredentialReport", "<State>COMPLETE</State>"))));

        Collection c = collect();

        server.verify(2, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=GenerateCredentialReport&")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=GetCredentialReport&")));
        assertThat(sleeps).containsExactly(0);
        Resource alice = only(c, "aws.iam.user");
        assertThat(alice.id()).isEqualTo("arn:aws:iam::111122223333:user/alice");
        assertThat(alice.properties()).containsEntry("mfa_active", false).containsEntry("access_key_1_active", true);
        assertThat(only(c, "aws.iam.root").properties()).containsEntry("mfa_active", true);
    }

    @Test
    void passwordPolicyIsReadAndNoSuchEntityMeansNoPolicy() {
        Resource present = only(collect(), "aws.iam.password_policy");
        assertThat(present.properties()).containsEntry("MinimumPasswordLength", 14L).containsEntry("exists", true)
                .containsEntry("PasswordReusePrevention", 24L);

        server.stubFor(AwsStubs.action("GetAccountPasswordPolicy").willReturn(AwsStubs.xml(404, AwsStubs.queryError(
                "NoSuchEntity", "The Password Policy with domain name 111122223333 cannot be found."))));
        Collection c = collect();

        Resource absent = only(c, "aws.iam.password_policy");
        assertThat(absent.id()).isEqualTo("aws:111122223333/iam/password-policy");
        assertThat(absent.properties()).isEqualTo(Map.of("exists", false));
        assertThat(absent.errors()).isEmpty();
        assertThat(c.errors()).isEmpty();
    }

    @Test
    void securityGroupsKeepTheCliShape() {
        Resource sg = only(collect(), "aws.ec2.security_group");

        assertThat(sg.id()).isEqualTo("arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1");
        assertThat(sg.location()).isEqualTo("eu-west-1");
        assertThat(sg.scope()).isEqualTo("aws:111122223333");
        assertThat(sg.properties().get("IpPermissions")).isEqualTo(List.of(Map.of("IpProtocol", "tcp",
                "FromPort", 22L, "ToPort", 22L, "UserIdGroupPairs", List.of(),
                "IpRanges", List.of(Map.of("CidrIp", "0.0.0.0/0")), "Ipv6Ranges", List.of(), "PrefixListIds", List.of())));
    }

    @Test
    void bucketCarriesItsPublicAccessBlockAndEncryption() {
        Resource bucket = only(collect(), "aws.s3.bucket");

        assertThat(bucket.id()).isEqualTo("arn:aws:s3:::acme-logs");
        assertThat(bucket.location()).isEqualTo("eu-west-1");
        assertThat(bucket.properties().get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                "IgnorePublicAcls", true, "BlockPublicPolicy", true, "RestrictPublicBuckets", true));
        assertThat(bucket.properties().get("ServerSideEncryptionConfiguration")).isEqualTo(Map.of("Rules", List.of(
                Map.of("ApplyServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                        "KMSMasterKeyID", "arn:aws:kms:eu-west-1:111122223333:key/k-1"), "BucketKeyEnabled", true))));
        assertThat(bucket.properties()).doesNotContainKey("Policy").containsEntry("deniesInsecureTransport", false);
        assertThat(bucket.errors()).isEmpty();
    }

    @Test
    void accessDeniedNamesTheActionAndErrorsTheResourcesItConcerns() {
        server.stubFor(AwsStubs.action("GetAccountSummary").willReturn(AwsStubs.xml(403, AwsStubs.queryError(
                "AccessDenied", "User: arn:aws:iam::111122223333:user/audit is not authorized to perform: "
                        + "iam:GetAccountSummary on resource: *"))));
        server.stubFor(AwsStubs.bucket("acme-logs", "policy").willReturn(AwsStubs.xml(403,
                "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));

        Collection c = collect();

        assertThat(c.errors()).extracting(e -> e.origin().location())
                .contains("iam:GetAccountSummary account", "s3:GetBucketPolicy acme-logs");
        assertThat(c.errors()).filteredOn(e -> e.origin().location().startsWith("iam:"))
                .singleElement().satisfies(e -> assertThat(e.message())
                        .startsWith("iam:GetAccountSummary was denied (AccessDenied, HTTP 403: User: ")
                        .contains("grant iam:GetAccountSummary"));
        Resource summary = only(c, "aws.iam.account");
        assertThat(summary.id()).isEqualTo("aws:111122223333/iam/account-summary");
        assertThat(summary.errors()).singleElement().asString().contains("iam:GetAccountSummary was denied");
        assertThat(only(c, "aws.s3.bucket").errors()).singleElement().asString()
                .startsWith("s3:GetBucketPolicy was denied (AccessDenied, HTTP 403");
        assertThat(c.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain("fake-secret-key", "AKIDEXAMPLE"));
    }

    @Test
    void throttledCallIsRetriedBySdkPolicy() {
        server.stubFor(AwsStubs.target(AwsStubs.kms("ListKeys")).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled")
                .willReturn(AwsStubs.json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));
        server.stubFor(AwsStubs.target(AwsStubs.kms("ListKeys")).inScenario("throttle").whenScenarioStateIs("throttled")
                .willReturn(AwsStubs.json(200, "{\"Keys\":[{\"KeyId\":\"k-1\",\"KeyArn\":"
                        + "\"arn:aws:kms:eu-west-1:111122223333:key/k-1\"}],\"Truncated\":false}")));

        Collection c = collect();

        server.verify(2, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.ListKeys")));
        assertThat(only(c, "aws.kms.key").properties()).containsEntry("KeyRotationEnabled", true);
        assertThat(c.errors()).isEmpty();
    }

    @Test
    void persistentThrottlingIsBoundedAndBecomesAnError() {
        server.stubFor(AwsStubs.target(AwsStubs.kms("ListKeys"))
                .willReturn(AwsStubs.json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")));

        Collection c = collect();

        server.verify(3, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.ListKeys")));
        assertThat(only(c, "aws.kms.key").errors()).singleElement().asString()
                .startsWith("kms:ListKeys failed (ThrottlingException, HTTP 400: Rate exceeded)");
    }

    @Test
    void unusableCredentialsStopAfterTheIdentityCall() {
        server.stubFor(AwsStubs.action("GetCallerIdentity").willReturn(AwsStubs.xml(403, AwsStubs.queryError(
                "InvalidClientTokenId", "The security token included in the request is invalid."))));

        Collection c = collect();

        assertThat(c.resources()).isEmpty();
        assertThat(c.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin()).isEqualTo(Origin.of("aws", "sts:GetCallerIdentity account"));
            assertThat(e.message()).startsWith("sts:GetCallerIdentity rejected the credentials (InvalidClientTokenId, HTTP 403");
        });
        assertThat(server.getAllServeEvents()).hasSize(1);
    }
}
