package dev.vouch.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** GuardDuty and the account-level S3 public access block over SigV4-signed REST calls (WireMock). */
class SignedRestCollectionTest {
    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String DETECTOR_ARN = "arn:aws:guardduty:eu-west-1:111122223333:detector/" + AwsStubs.DETECTOR;
    WireMockServer server;
    AwsClients clients;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        new AwsStubs(server).account();
        clients = new AwsClients(new AwsClients.Settings(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)),
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

    Collection collect(Region... regions) {
        List<Region> list = regions.length == 0 ? List.of(Region.EU_WEST_1) : List.of(regions);
        return new AwsLiveCollector(AwsLiveCollectorTest.CLOCK, clients, list, attempt -> { }).collect();
    }

    static List<Resource> of(Collection c, String type) {
        return c.resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    static Resource account(Collection c) {
        return of(c, "aws.account").get(0);
    }

    @Test
    void detectorIsRenderedWithCliMemberNamesAndTimestamps() {
        Collection c = collect();

        assertThat(c.errors()).isEmpty();
        assertThat(of(c, "aws.guardduty.detector")).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(DETECTOR_ARN);
            assertThat(d.location()).isEqualTo("eu-west-1");
            assertThat(d.scope()).isEqualTo("aws:111122223333");
            assertThat(d.errors()).isEmpty();
            assertThat(d.properties()).containsEntry("Status", "ENABLED").containsEntry("DetectorId", AwsStubs.DETECTOR)
                    .containsEntry("CreatedAt", "2024-03-11T09:30:00.000Z")
                    .containsEntry("FindingPublishingFrequency", "SIX_HOURS")
                    .containsEntry("Tags", Map.of("team", "sec", "cost-center", "42"));
            assertThat(d.properties().get("DataSources")).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("DNSLogs", Map.of("Status", "ENABLED"))
                    .containsEntry("Kubernetes", Map.of("AuditLogs", Map.of("Status", "DISABLED")));
            assertThat(d.properties().get("Features")).isEqualTo(List.of(
                    Map.of("Name", "CLOUD_TRAIL", "Status", "ENABLED", "UpdatedAt", "2026-02-01T10:00:00+00:00"),
                    Map.of("Name", "EKS_RUNTIME_MONITORING", "Status", "DISABLED",
                            "UpdatedAt", "2026-02-01T10:00:00.500000+00:00", "AdditionalConfiguration", List.of(
                                    Map.of("Name", "EKS_ADDON_MANAGEMENT", "Status", "DISABLED",
                                            "UpdatedAt", "2026-02-01T10:00:00+00:00")))));
        });
        assertThat(of(c, "aws.s3.account_public_access_block")).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("aws:111122223333/s3/account-public-access-block");
            assertThat(p.properties()).isEqualTo(Map.of("BlockPublicAcls", true, "IgnorePublicAcls", true,
                    "BlockPublicPolicy", true, "RestrictPublicBuckets", false));
        });
    }

    @Test
    void requestsAreSigV4SignedForTheirServiceAndRegion() {
        collect();

        String auth = "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/20240602/eu-west-1/%s/aws4_request, "
                + "SignedHeaders=[a-z0-9;-]*%s[a-z0-9;-]*, Signature=[0-9a-f]{64}";
        server.verify(1, getRequestedFor(urlPathEqualTo("/detector"))
                .withHeader("Authorization", matching(String.format(auth, "guardduty", "host")))
                .withHeader("X-Amz-Date", equalTo("20240602T000000Z")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/detector/" + AwsStubs.DETECTOR))
                .withHeader("Authorization", matching(String.format(auth, "guardduty", "host"))));
        server.verify(1, getRequestedFor(urlPathEqualTo(AwsStubs.PAB_PATH))
                .withHeader("Authorization", matching(String.format(auth, "s3", "x-amz-account-id")))
                .withHeader("x-amz-account-id", equalTo(AwsStubs.ACCOUNT))
                .withHeader("x-amz-content-sha256", matching("[0-9a-f]{64}")));
        assertThat(server.getAllServeEvents()).allSatisfy(e ->
                assertThat(e.getRequest().getHeaders().toString()).doesNotContain(SECRET));
    }

    @Test
    void everyRegionGetsItsOwnSignedListAndDetector() {
        Collection c = collect(Region.EU_WEST_1, Region.US_EAST_1);

        server.verify(1, getRequestedFor(urlPathEqualTo("/detector"))
                .withHeader("Authorization", matching(".*/us-east-1/guardduty/aws4_request.*")));
        assertThat(of(c, "aws.guardduty.detector")).extracting(Resource::id).containsExactlyInAnyOrder(DETECTOR_ARN,
                "arn:aws:guardduty:us-east-1:111122223333:detector/" + AwsStubs.DETECTOR);
        assertThat(c.errors()).isEmpty();
    }

    @Test
    void detectorListIsPagedWithNextToken() {
        server.stubFor(get(urlPathEqualTo("/detector")).withQueryParam("nextToken", absent()).atPriority(1)
                .willReturn(AwsStubs.restJson(200, "{\"detectorIds\":[\"" + AwsStubs.DETECTOR + "\"],\"nextToken\":\"p2/==\"}")));
        server.stubFor(get(urlPathEqualTo("/detector")).withQueryParam("nextToken", equalTo("p2/==")).atPriority(1)
                .willReturn(AwsStubs.restJson(200, "{\"detectorIds\":[\"d2\"]}")));
        server.stubFor(get(urlPathEqualTo("/detector/d2")).willReturn(AwsStubs.restJson(200, "{\"status\":\"DISABLED\"}")));

        Collection c = collect();

        assertThat(c.errors()).isEmpty();
        assertThat(of(c, "aws.guardduty.detector")).extracting(r -> r.properties().get("Status"))
                .containsExactly("ENABLED", "DISABLED");
    }

    @Test
    void accountPublicAccessBlockNotConfiguredIsDataNotAnError() {
        server.stubFor(get(urlPathEqualTo(AwsStubs.PAB_PATH)).willReturn(AwsStubs.xml(404, "<?xml version=\"1.0\"?>"
                + "<ErrorResponse><Error><Code>NoSuchPublicAccessBlockConfiguration</Code><Message>The public access "
                + "block configuration was not found</Message></Error><RequestId>r-1</RequestId></ErrorResponse>")));

        Collection c = collect();

        assertThat(c.errors()).isEmpty();
        assertThat(of(c, "aws.s3.account_public_access_block")).singleElement().satisfies(p -> {
            assertThat(p.properties()).isEmpty();
            assertThat(p.errors()).isEmpty();
        });
        assertThat(account(c).unknowns()).isEmpty();
    }

    @Test
    void deniedCallsNameTheActionAndLeaveGuardDutyUnknown() {
        server.stubFor(get(urlPathEqualTo("/detector")).willReturn(AwsStubs.restJson(403,
                "{\"message\":\"User: arn:aws:iam::111122223333:user/audit is not authorized to perform: "
                        + "guardduty:ListDetectors\",\"__type\":\"AccessDeniedException\"}")
                .withHeader("x-amzn-ErrorType", "AccessDeniedException:http://internal.amazon.com/coral/")));
        server.stubFor(get(urlPathEqualTo(AwsStubs.PAB_PATH)).willReturn(AwsStubs.xml(403,
                "<ErrorResponse><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error></ErrorResponse>")));

        Collection c = collect();

        assertThat(c.errors()).extracting(e -> e.origin().location())
                .containsExactly("s3:GetAccountPublicAccessBlock 111122223333", "guardduty:ListDetectors eu-west-1");
        assertThat(c.errors().get(0).message()).isEqualTo("s3:GetAccountPublicAccessBlock was denied (AccessDenied, "
                + "HTTP 403: Access Denied); grant s3:GetAccountPublicAccessBlock (the AWS managed policy SecurityAudit "
                + "covers it)");
        assertThat(c.errors().get(1).message()).startsWith("guardduty:ListDetectors was denied (AccessDeniedException, "
                + "HTTP 403: User: arn:aws:iam::111122223333:user/audit is not authorized").contains("grant guardduty:ListDetectors");
        assertThat(c.errors()).allSatisfy(e -> assertThat(e.message()).doesNotContain(SECRET, KEY_ID, "Signature"));
        assertThat(account(c).unknowns()).containsExactly("properties.exports.guardduty", "properties.exports.s3control");
        assertThat(of(c, "aws.guardduty.detector")).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("aws:111122223333/guardduty/detectors@eu-west-1");
            assertThat(d.errors()).singleElement().asString().startsWith("guardduty:ListDetectors was denied");
        });
        assertThat(of(c, "aws.s3.account_public_access_block")).singleElement()
                .satisfies(p -> assertThat(p.errors()).singleElement().asString().contains("was denied"));
    }

    @Test
    void aFailedGetDetectorWithholdsAllGuardDutyData() {
        Collection c = collect(Region.EU_WEST_1, Region.US_EAST_1);
        assertThat(of(c, "aws.guardduty.detector")).hasSize(2);

        server.stubFor(get(urlPathEqualTo("/detector/" + AwsStubs.DETECTOR)).willReturn(AwsStubs.restJson(500,
                "{\"message\":\"internal\",\"__type\":\"InternalServerErrorException\"}")));
        c = collect(Region.EU_WEST_1, Region.US_EAST_1);

        assertThat(of(c, "aws.guardduty.detector")).isEmpty();
        assertThat(account(c).unknowns()).containsExactly("properties.exports.guardduty");
        assertThat(c.errors()).extracting(e -> e.origin().location()).containsExactly(
                "guardduty:GetDetector " + AwsStubs.DETECTOR + "@eu-west-1",
                "guardduty:GetDetector " + AwsStubs.DETECTOR + "@us-east-1");
        assertThat(c.errors().get(0).message())
                .isEqualTo("guardduty:GetDetector failed (InternalServerErrorException, HTTP 500: internal)");
    }

    @Test
    void throttlingIsRetriedThenSucceeds() {
        server.stubFor(get(urlPathEqualTo("/detector")).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("throttled").willReturn(AwsStubs.restJson(429,
                        "{\"message\":\"Rate exceeded\",\"__type\":\"ThrottlingException\"}")));
        server.stubFor(get(urlPathEqualTo("/detector")).inScenario("t").whenScenarioStateIs("throttled")
                .willReturn(AwsStubs.restJson(200, "{\"detectorIds\":[\"" + AwsStubs.DETECTOR + "\"]}")));

        Collection c = collect();

        server.verify(2, getRequestedFor(urlPathEqualTo("/detector")));
        assertThat(c.errors()).isEmpty();
        assertThat(of(c, "aws.guardduty.detector")).singleElement()
                .satisfies(d -> assertThat(d.properties()).containsEntry("Status", "ENABLED"));
    }

    @Test
    void persistentThrottlingIsBoundedAndBecomesAnError() {
        server.stubFor(get(urlPathEqualTo(AwsStubs.PAB_PATH)).willReturn(AwsStubs.xml(503,
                "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>")));
        server.stubFor(get(urlPathEqualTo("/detector")).willReturn(AwsStubs.restJson(429, "")));

        Collection c = collect();

        server.verify(3, getRequestedFor(urlPathEqualTo(AwsStubs.PAB_PATH)));
        server.verify(3, getRequestedFor(urlPathEqualTo("/detector")));
        assertThat(c.errors()).extracting(e -> e.message()).containsExactly(
                "s3:GetAccountPublicAccessBlock failed (SlowDown, HTTP 503: Please reduce your request rate.)",
                "guardduty:ListDetectors failed (HTTP 429)");
    }
}
