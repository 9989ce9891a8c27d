package dev.vouch.collect.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class RestShapesTest {
    @Test
    void wireNamesBecomeCliMemberNamesButMapKeysStay() {
        Map<String, Object> cli = RestShapes.cli(RestShapes.json("{\"status\":\"ENABLED\",\"dataSources\":"
                + "{\"dnsLogs\":{\"status\":\"ENABLED\"},\"s3Logs\":{\"status\":\"DISABLED\"}},\"tags\":{\"owner\":\"sec\"},"
                + "\"features\":[{\"name\":\"RDS_LOGIN_EVENTS\",\"updatedAt\":1704067200}],\"unknownNew\":7}", "test"));

        assertThat(cli).isEqualTo(Map.of("Status", "ENABLED",
                "DataSources", Map.of("DNSLogs", Map.of("Status", "ENABLED"), "S3Logs", Map.of("Status", "DISABLED")),
                "Tags", Map.of("owner", "sec"),
                "Features", List.of(Map.of("Name", "RDS_LOGIN_EVENTS", "UpdatedAt", "2024-01-01T00:00:00+00:00")),
                "UnknownNew", 7L));
    }

    @Test
    void publicAccessBlockKeepsOnlyPresentSettingsAndRejectsNonBooleans() {
        assertThat(RestShapes.publicAccessBlock("<PublicAccessBlockConfiguration><BlockPublicAcls>false</BlockPublicAcls>"
                + "</PublicAccessBlockConfiguration>")).isEqualTo(Map.of("BlockPublicAcls", false));
        assertThatThrownBy(() -> RestShapes.publicAccessBlock("<PublicAccessBlockConfiguration><IgnorePublicAcls>yes"
                + "</IgnorePublicAcls></PublicAccessBlockConfiguration>")).isInstanceOf(SdkClientException.class)
                .hasMessage("s3:GetAccountPublicAccessBlock field IgnorePublicAcls is not a boolean: 'yes'");
        assertThatThrownBy(() -> RestShapes.publicAccessBlock("<Other/>"))
                .hasMessage("s3:GetAccountPublicAccessBlock answered <Other>, expected <PublicAccessBlockConfiguration>");
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoEntityIsResolved() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<PublicAccessBlockConfiguration><BlockPublicAcls>&x;</BlockPublicAcls></PublicAccessBlockConfiguration>";

        assertThatThrownBy(() -> RestShapes.publicAccessBlock(xxe)).isInstanceOf(SdkClientException.class)
                .hasMessageStartingWith("s3:GetAccountPublicAccessBlock answered malformed XML: ")
                .hasMessageContaining("DOCTYPE");
        assertThat(RestShapes.xmlError(xxe)).isEqualTo(new RestShapes.ErrorInfo("", ""));
    }

    @Test
    void errorCodesComeFromTheHeaderOrTheBody() {
        assertThat(RestShapes.jsonError(Optional.of("AccessDeniedException:http://internal.amazon.com/coral/"),
                "{\"message\":\"no\"}")).isEqualTo(new RestShapes.ErrorInfo("AccessDeniedException", "no"));
        assertThat(RestShapes.jsonError(Optional.empty(), "{\"__type\":\"com.amazon.coral#ThrottlingException\","
                + "\"Message\":\"slow\"}")).isEqualTo(new RestShapes.ErrorInfo("ThrottlingException", "slow"));
        assertThat(RestShapes.jsonError(Optional.empty(), "<html>gateway</html>")).isEqualTo(new RestShapes.ErrorInfo("", ""));
        assertThat(RestShapes.xmlError("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"))
                .isEqualTo(new RestShapes.ErrorInfo("AccessDenied", "Access Denied"));
    }

    @Test
    void malformedJsonNamesTheCallAndLine() {
        assertThatThrownBy(() -> RestShapes.json("{\n\"detectorIds\": [", "guardduty:ListDetectors"))
                .isInstanceOf(SdkClientException.class).hasMessageStartingWith("guardduty:ListDetectors answered malformed JSON at line 2");
    }
}
