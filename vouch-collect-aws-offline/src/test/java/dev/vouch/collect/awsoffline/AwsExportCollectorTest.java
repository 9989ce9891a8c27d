package dev.vouch.collect.awsoffline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class AwsExportCollectorTest {
    static final Path RES = Path.of("src/test/resources");
    final Clock clock = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    final AwsExportCollector collector = new AwsExportCollector(clock);

    static Resource one(Collection c, String type, String name) {
        return c.resources().stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name + " in " + c.resources()));
    }

    @Test
    void credentialReportColumnsAreTypedAndPlaceholdersAreListedNotValues() {
        Collection c = collector.collect(RES.resolve("account/iam/credential-report.csv"));
        assertThat(c.errors()).isEmpty();
        Resource root = one(c, "aws.iam.root", "<root_account>");
        assertThat(root.id()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(root.scope()).isEqualTo("aws:111122223333");
        assertThat(root.properties()).containsEntry("mfa_active", true).containsEntry("access_key_1_active", false)
                .containsEntry("password_last_used", "2026-01-12T09:30:11+00:00")
                .doesNotContainKeys("password_enabled", "password_last_changed", "access_key_1_last_rotated");
        assertThat((Map<String, Object>) root.properties().get("sentinels")).containsEntry("password_enabled", "not_supported")
                .containsEntry("access_key_1_last_rotated", "N/A");
        assertThat(c.resources()).filteredOn(r -> r.type().equals("aws.iam.user")).extracting(Resource::name)
                .containsExactly("alice", "ci-deploy");
        Resource ci = one(c, "aws.iam.user", "ci-deploy");
        assertThat(ci.properties()).containsEntry("password_enabled", false).containsEntry("access_key_1_active", true)
                .containsEntry("access_key_1_last_used_region", "us-east-1")
                .containsEntry("access_key_1_last_used_service", "s3").doesNotContainKey("password_last_used");
        assertThat((Map<String, Object>) ci.properties().get("sentinels")).containsEntry("password_last_used", "N/A")
                .containsEntry("access_key_2_last_used_region", "N/A");
        assertThat(ci.origin().display()).isEqualTo("credential-report.csv:4");
    }

    @Test
    void badCredentialReportRowsAreErrorsNamingTheLineAndOtherRowsAreKept() {
        Collection c = collector.collect(RES.resolve("bad/credential-report.csv"));
        assertThat(c.errors()).extracting(CollectionError::display).containsExactly(
                "credential-report.csv:3: credential-report.csv:3: expected 22 fields, found 3",
                "credential-report.csv:4: credential-report.csv:4: field 'password_enabled' must be true, false, "
                        + "N/A, not_supported or no_information, was 'maybe'");
        assertThat(c.resources()).filteredOn(r -> r.type().equals("aws.iam.user")).extracting(Resource::name)
                .containsExactly("alice");
    }

    @Test
    void malformedAndUnrecognizedFilesAreErrorsAndTheRestIsRead() {
        Collection c = collector.collect(RES.resolve("bad"));
        assertThat(c.errors()).extracting(CollectionError::display).contains(
                "other.csv:1: other.csv:1: not an IAM credential report (expected a header starting 'user,arn,')")
                .anyMatch(e -> e.startsWith("trailing-comma.json:3: malformed JSON at trailing-comma.json:3:"));
        assertThat(one(c, "aws.rds.instance", "ok-db").properties()).containsEntry("StorageEncrypted", true);
    }

    @Test
    void accountExportIsNormalizedWithOneAccountScope() {
        Collection c = collector.collect(RES.resolve("account"));
        assertThat(c.errors()).extracting(CollectionError::display)
                .containsExactly("other/notes.json:1: other/notes.json:1: unrecognized AWS export, top-level keys [Reservations]");
        assertThat(c.resources()).allMatch(r -> r.scope().equals("aws:111122223333") && r.provider().equals("aws"));
        Resource pp = one(c, "aws.iam.password_policy", "password-policy");
        assertThat(pp.id()).isEqualTo("aws:111122223333/iam/password-policy");
        assertThat(pp.properties()).containsEntry("exists", true).containsEntry("MinimumPasswordLength", 12L);
        assertThat(one(c, "aws.iam.account", "account-summary").properties()).containsEntry("AccountMFAEnabled", 1L);
        Resource policy = one(c, "aws.iam.policy", "legacy-admin");
        assertThat(policy.properties()).containsEntry("policyAllowsAdminStar", true);
        Resource bucket = one(c, "aws.s3.bucket", "acme-reports");
        assertThat(bucket.id()).isEqualTo("arn:aws:s3:::acme-reports");
        assertThat(bucket.properties()).containsEntry("deniesInsecureTransport", true).containsEntry("Versioning", Map.of());
        assertThat(bucket.properties().get("Policy")).isInstanceOf(Map.class);
        Resource recorder = one(c, "aws.config.recorder", "default");
        assertThat(recorder.id()).isEqualTo("arn:aws:config:eu-west-1:111122223333:configuration-recorder/default");
        assertThat((Map<String, Object>) recorder.properties().get("Status")).containsEntry("recording", true);
        Resource detector = one(c, "aws.guardduty.detector", "abc123");
        assertThat(detector.id()).isEqualTo("arn:aws:guardduty:eu-west-1:111122223333:detector/abc123");
        assertThat(detector.properties()).containsEntry("Status", "ENABLED");
        Resource account = one(c, "aws.account", "111122223333");
        assertThat(account.properties().get("exports")).isEqualTo(Map.of("guardduty", true, "config", true));
        assertThat(account.unknowns()).containsExactlyInAnyOrder("properties.exports.cloudtrail",
                "properties.exports.s3control");
    }

    @Test
    void noPasswordPolicyIsAResourceThatDoesNotExistAndAccountIsUnknownWithoutArns(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pp.json"), "{\"PasswordPolicy\": null}");
        Collection c = collector.collect(dir);
        Resource pp = one(c, "aws.iam.password_policy", "password-policy");
        assertThat(pp.properties()).containsExactly(Map.entry("exists", false));
        assertThat(pp.scope()).isEqualTo("aws:unknown");
        assertThat(pp.id()).isEqualTo("aws:unknown/iam/password-policy");
    }

    @Test
    void perItemDataMissingFromACombinedExportIsAnErrorOnThatResource(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"trailList": [{"Name": "t", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/t",
                  "IsMultiRegionTrail": true}, {"Name": "t", "TrailARN": "arn:aws:cloudtrail:us-east-1:111122223333:trail/t"}],
                 "Keys": [{"KeyId": "k", "KeyArn": "arn:aws:kms:us-east-1:111122223333:key/k"}]}
                """);
        Collection c = collector.collect(dir);
        assertThat(c.resources()).filteredOn(r -> r.type().equals("aws.cloudtrail.trail")).hasSize(1);
        assertThat(one(c, "aws.cloudtrail.trail", "t").errors()).singleElement().asString().contains("get-trail-status");
        assertThat(one(c, "aws.kms.key", "k").errors()).singleElement().asString().contains("describe-key");
        assertThat(one(c, "aws.kms.key", "k").location()).isEqualTo("us-east-1");
    }

    @Test
    void securityGroupsAndDbInstancesKeepAwsFieldNames() {
        Collection c = collector.collect(Path.of(
                "../vouch-checks/src/main/resources/checks/aws/ec2/sg_admin_ports/fixtures/fail_ssh_world.aws.json"));
        Resource sg = one(c, "aws.ec2.security_group", "bastion");
        assertThat(sg.id()).isEqualTo("arn:aws:ec2:us-east-1:111122223333:security-group/sg-0d9a3e2c4f5b6a7c8");
        assertThat((List<?>) sg.properties().get("IpPermissions")).singleElement()
                .satisfies(p -> assertThat((Map<String, Object>) p).containsEntry("FromPort", 22L).containsEntry("IpProtocol", "tcp"));
    }

    @Test
    void unusablePathsThrow(@TempDir Path dir) {
        assertThatThrownBy(() -> collector.collect(dir.resolve("missing"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> collector.collect(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no *.json or *.csv files");
    }
}
