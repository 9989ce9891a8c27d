package dev.vouch.collect.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * WireMock playing one small account (111122223333, eu-west-1) over the real wire protocols: IAM, STS,
 * EC2 and RDS speak the query protocol (XML), S3 REST-XML, CloudTrail, KMS and Config JSON 1.1. The
 * same account as CLI JSON lives in src/test/resources/export/. GuardDuty (REST-JSON) and S3 Control
 * (REST-XML) are reached by path on the one endpoint override: {@code /detector…} and
 * {@code /v20180820/configuration/publicAccessBlock} (the account id travels in {@code x-amz-account-id}).
 */
final class AwsStubs {
    static final String ACCOUNT = "111122223333";
    static final String CSV = String.join("\n",
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
                    + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                    + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                    + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                    + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
                    + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
            "<root_account>,arn:aws:iam::111122223333:root,2020-01-01T00:00:00+00:00,not_supported,"
                    + "2024-05-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,"
                    + "N/A,N/A,N/A,N/A,false,N/A,false,N/A",
            "alice,arn:aws:iam::111122223333:user/alice,2023-02-01T08:00:00+00:00,true,"
                    + "2024-05-20T09:00:00+00:00,2024-01-01T00:00:00+00:00,N/A,false,true,"
                    + "2024-01-02T00:00:00+00:00,2024-05-19T00:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,"
                    + "false,N/A,false,N/A") + "\n";
    static final String POLICY_DOC = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect"
            + "%22%3A%22Allow%22%2C%22Action%22%3A%22%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";

    private final WireMockServer server;

    AwsStubs(WireMockServer server) {
        this.server = server;
    }

    static String query(String action, String ns, String result) {
        return "<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>req-" + action + "</RequestId></ResponseMetadata></"
                + action + "Response>";
    }

    static String iam(String action, String result) {
        return query(action, "https://iam.amazonaws.com/doc/2010-05-08/", result);
    }

    static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    static String queryError(String code, String message) {
        return "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>req-err</RequestId></ErrorResponse>";
    }

    static MappingBuilder action(String action) {
        return post(urlPathEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
    }

    static MappingBuilder target(String target) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    static MappingBuilder bucket(String bucket, String subresource) {
        return get(urlPathEqualTo("/" + bucket)).withQueryParam(subresource, matching(".*"));
    }

    static String kms(String op) {
        return "TrentService." + op;
    }

    static String trail(String op) {
        return "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101." + op;
    }

    static String config(String op) {
        return "StarlingDoveService." + op;
    }

    void account() {
        iamStubs();
        server.stubFor(action("GetCallerIdentity").willReturn(xml(200, query("GetCallerIdentity",
                "https://sts.amazonaws.com/doc/2011-06-15/", "<Arn>arn:aws:iam::111122223333:user/audit</Arn>"
                        + "<UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account>"))));
        s3Stubs();
        jsonStubs();
        server.stubFor(action("DescribeSecurityGroups").willReturn(xml(200, SECURITY_GROUPS)));
        accountWideStubs();
        server.stubFor(action("DescribeDBInstances").willReturn(xml(200, query("DescribeDBInstances",
                "http://rds.amazonaws.com/doc/2014-10-31/", "<DBInstances/>"))));
    }

    private void iamStubs() {
        server.stubFor(action("GenerateCredentialReport").willReturn(xml(200, iam("GenerateCredentialReport",
                "<State>COMPLETE</State><Description>No report exists. Starting a new report generation.</Description>"))));
        server.stubFor(action("GetCredentialReport").willReturn(xml(200, iam("GetCredentialReport",
                "<Content>" + Base64.getEncoder().encodeToString(CSV.getBytes(StandardCharsets.UTF_8))
                        + "</Content><ReportFormat>text/csv</ReportFormat>"
                        + "<GeneratedTime>2024-06-01T12:00:00Z</GeneratedTime>"))));
        server.stubFor(action("GetAccountPasswordPolicy").willReturn(xml(200, iam("GetAccountPasswordPolicy",
                "<PasswordPolicy><MinimumPasswordLength>14</MinimumPasswordLength><RequireSymbols>true</RequireSymbols>"
                        + "<RequireNumbers>true</RequireNumbers><RequireUppercaseCharacters>true</RequireUppercaseCharacters>"
                        + "<RequireLowercaseCharacters>true</RequireLowercaseCharacters>"
                        + "<AllowUsersToChangePassword>true</AllowUsersToChangePassword><ExpirePasswords>false</ExpirePasswords>"
                        + "<PasswordReusePrevention>24</PasswordReusePrevention></PasswordPolicy>"))));
        server.stubFor(action("GetAccountSummary").willReturn(xml(200, iam("GetAccountSummary",
                "<SummaryMap><entry><key>Users</key><value>1</value></entry><entry><key>AccountMFAEnabled</key>"
                        + "<value>1</value></entry><entry><key>AccountAccessKeysPresent</key><value>0</value></entry>"
                        + "</SummaryMap>"))));
        server.stubFor(action("ListPolicies").willReturn(xml(200, iam("ListPolicies",
                "<IsTruncated>false</IsTruncated><Policies><member><PolicyName>legacy-admin</PolicyName>"
                        + "<DefaultVersionId>v1</DefaultVersionId><PolicyId>ANPAEXAMPLE000000001</PolicyId><Path>/</Path>"
                        + "<Arn>arn:aws:iam::111122223333:policy/legacy-admin</Arn><AttachmentCount>1</AttachmentCount>"
                        + "<IsAttachable>true</IsAttachable><CreateDate>2024-01-01T00:00:00Z</CreateDate>"
                        + "<UpdateDate>2024-01-01T00:00:00Z</UpdateDate></member></Policies>"))));
        server.stubFor(action("GetPolicyVersion").willReturn(xml(200, iam("GetPolicyVersion",
                "<PolicyVersion><Document>" + POLICY_DOC + "</Document><VersionId>v1</VersionId>"
                        + "<IsDefaultVersion>true</IsDefaultVersion><CreateDate>2024-01-01T00:00:00Z</CreateDate>"
                        + "</PolicyVersion>"))));
    }

    private void s3Stubs() {
        server.stubFor(get(urlPathEqualTo("/")).willReturn(xml(200,
                "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>79a5</ID></Owner>"
                        + "<Buckets><Bucket><Name>acme-logs</Name><CreationDate>2024-03-11T09:20:31.000Z</CreationDate>"
                        + "<BucketRegion>eu-west-1</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>")));
        server.stubFor(bucket("acme-logs", "publicAccessBlock").willReturn(xml(200,
                "<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true"
                        + "</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true"
                        + "</RestrictPublicBuckets></PublicAccessBlockConfiguration>")));
        server.stubFor(bucket("acme-logs", "encryption").willReturn(xml(200,
                "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms"
                        + "</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:eu-west-1:111122223333:key/k-1</KMSMasterKeyID>"
                        + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule>"
                        + "</ServerSideEncryptionConfiguration>")));
        server.stubFor(bucket("acme-logs", "versioning").willReturn(xml(200,
                "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")));
        server.stubFor(bucket("acme-logs", "policy").willReturn(xml(404,
                "<Error><Code>NoSuchBucketPolicy</Code><Message>The bucket policy does not exist</Message>"
                        + "<BucketName>acme-logs</BucketName></Error>")));
    }

    private void jsonStubs() {
        server.stubFor(target(kms("ListKeys")).willReturn(json(200, "{\"Keys\":[{\"KeyId\":\"k-1\",\"KeyArn\":"
                + "\"arn:aws:kms:eu-west-1:111122223333:key/k-1\"}],\"Truncated\":false}")));
        server.stubFor(target(kms("DescribeKey")).willReturn(json(200, "{\"KeyMetadata\":{\"AWSAccountId\":"
                + "\"111122223333\",\"KeyId\":\"k-1\",\"Arn\":\"arn:aws:kms:eu-west-1:111122223333:key/k-1\","
                + "\"CreationDate\":1704067200.123,\"Enabled\":true,\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"KeyState\":"
                + "\"Enabled\",\"Origin\":\"AWS_KMS\",\"KeyManager\":\"CUSTOMER\",\"KeySpec\":\"SYMMETRIC_DEFAULT\","
                + "\"EncryptionAlgorithms\":[\"SYMMETRIC_DEFAULT\"],\"MultiRegion\":false}}")));
        server.stubFor(target(kms("GetKeyRotationStatus")).willReturn(json(200, "{\"KeyRotationEnabled\":true}")));
        server.stubFor(target(trail("DescribeTrails")).willReturn(json(200, "{\"trailList\":[{\"Name\":\"org\","
                + "\"S3BucketName\":\"acme-logs\",\"IncludeGlobalServiceEvents\":true,\"IsMultiRegionTrail\":true,"
                + "\"HomeRegion\":\"eu-west-1\",\"TrailARN\":\"arn:aws:cloudtrail:eu-west-1:111122223333:trail/org\","
                + "\"LogFileValidationEnabled\":true,\"HasCustomEventSelectors\":false,\"HasInsightSelectors\":false,"
                + "\"IsOrganizationTrail\":false}]}")));
        server.stubFor(target(trail("GetTrailStatus")).willReturn(json(200, "{\"IsLogging\":true,"
                + "\"LatestDeliveryTime\":1717243200,\"StartLoggingTime\":1704067200}")));
        server.stubFor(target(config("DescribeConfigurationRecorders")).willReturn(json(200,
                "{\"ConfigurationRecorders\":[{\"name\":\"default\",\"roleARN\":\"arn:aws:iam::111122223333:role/config\","
                        + "\"recordingGroup\":{\"allSupported\":true,\"includeGlobalResourceTypes\":true}}]}")));
        server.stubFor(target(config("DescribeConfigurationRecorderStatus")).willReturn(json(200,
                "{\"ConfigurationRecordersStatus\":[{\"name\":\"default\",\"recording\":true,\"lastStatus\":\"SUCCESS\","
                        + "\"lastStartTime\":1704067200}]}")));
    }

    static final String DETECTOR = "12abc34d567e8fa901bc2d34e56789f0";
    static final String PAB_PATH = "/v20180820/configuration/publicAccessBlock";

    static ResponseDefinitionBuilder restJson(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** GuardDuty REST-JSON (camelCase wire names, epoch-second feature timestamps) and S3 Control REST-XML. */
    private void accountWideStubs() {
        server.stubFor(get(urlPathEqualTo("/detector")).willReturn(restJson(200,
                "{\"detectorIds\":[\"" + DETECTOR + "\"]}")));
        server.stubFor(get(urlPathEqualTo("/detector/" + DETECTOR)).willReturn(restJson(200, "{"
                + "\"createdAt\":\"2024-03-11T09:30:00.000Z\",\"findingPublishingFrequency\":\"SIX_HOURS\","
                + "\"serviceRole\":\"arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/"
                + "AWSServiceRoleForAmazonGuardDuty\",\"status\":\"ENABLED\",\"updatedAt\":\"2026-02-01T10:00:00.000Z\","
                + "\"dataSources\":{\"cloudTrail\":{\"status\":\"ENABLED\"},\"dnsLogs\":{\"status\":\"ENABLED\"},"
                + "\"flowLogs\":{\"status\":\"ENABLED\"},\"s3Logs\":{\"status\":\"ENABLED\"},"
                + "\"kubernetes\":{\"auditLogs\":{\"status\":\"DISABLED\"}},\"malwareProtection\":"
                + "{\"scanEc2InstanceWithFindings\":{\"ebsVolumes\":{\"status\":\"DISABLED\"}}}},"
                + "\"tags\":{\"team\":\"sec\",\"cost-center\":\"42\"},"
                + "\"features\":[{\"name\":\"CLOUD_TRAIL\",\"status\":\"ENABLED\",\"updatedAt\":1769940000},"
                + "{\"name\":\"EKS_RUNTIME_MONITORING\",\"status\":\"DISABLED\",\"updatedAt\":1769940000.5,"
                + "\"additionalConfiguration\":[{\"name\":\"EKS_ADDON_MANAGEMENT\",\"status\":\"DISABLED\","
                + "\"updatedAt\":1769940000}]}]}")));
        server.stubFor(get(urlPathEqualTo(PAB_PATH)).withHeader("x-amz-account-id", equalTo(ACCOUNT))
                .willReturn(xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration "
                        + "xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\"><BlockPublicAcls>true</BlockPublicAcls>"
                        + "<IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>"
                        + "<RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>")));
    }

    static final String SECURITY_GROUPS = "<DescribeSecurityGroupsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            + "<requestId>req-sg</requestId><securityGroupInfo><item><ownerId>111122223333</ownerId>"
            + "<groupId>sg-0a1</groupId><groupName>ssh-open</groupName><groupDescription>bastion</groupDescription>"
            + "<vpcId>vpc-1</vpcId><securityGroupArn>arn:aws:ec2:eu-west-1:111122223333:security-group/sg-0a1"
            + "</securityGroupArn><ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>22</fromPort>"
            + "<toPort>22</toPort><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>"
            + "<ipv6Ranges/><prefixListIds/></item></ipPermissions><ipPermissionsEgress><item><ipProtocol>-1"
            + "</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/>"
            + "<prefixListIds/></item></ipPermissionsEgress></item></securityGroupInfo>"
            + "</DescribeSecurityGroupsResponse>";
}
