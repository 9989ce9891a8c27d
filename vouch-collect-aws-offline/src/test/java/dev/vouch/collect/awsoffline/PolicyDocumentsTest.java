package dev.vouch.collect.awsoffline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    static boolean admin(String json) {
        return PolicyDocuments.allowsAdminStar(PolicyDocuments.parse(json));
    }

    static boolean tls(String json) {
        return PolicyDocuments.deniesInsecureTransport(PolicyDocuments.parse(json));
    }

    @Test
    void adminStarIsAnAllowOfActionStarOnResourceStar() {
        assertThat(admin("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")).isTrue();
        assertThat(admin("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"*\"],\"Resource\":[\"*\"]}]}")).isTrue();
        assertThat(admin("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}")).isFalse();
        assertThat(admin("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")).isFalse();
        assertThat(admin("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}")).isFalse();
        assertThat(admin("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}")).isFalse();
    }

    @Test
    void urlEncodedIamDocumentsAreDecoded() {
        assertThat(admin("%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%2C%22Resource%22%3A%22*%22%7D%5D%7D"))
                .isTrue();
        assertThatThrownBy(() -> PolicyDocuments.parse("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void secureTransportNeedsADenyForEveryoneOnS3WithSecureTransportFalse() {
        String ok = "{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}";
        assertThat(tls(ok)).isTrue();
        assertThat(tls(ok.replace("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":[\"*\"]}"))).isTrue();
        assertThat(tls(ok.replace("\"false\"", "false"))).isTrue();
        assertThat(tls(ok.replace("\"false\"", "\"true\""))).isFalse();
        assertThat(tls(ok.replace("Deny", "Allow"))).isFalse();
        assertThat(tls(ok.replace("\"s3:*\"", "\"s3:GetObject\""))).isFalse();
        assertThat(tls(ok.replace("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"}"))).isFalse();
        assertThat(tls("{\"Statement\":[]}")).isFalse();
    }
}
