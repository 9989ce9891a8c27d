package dev.vouch.collect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL21hbmFnZW1lbnQifQ.c2lnbmF0dXJl";

    @Test
    void bearerTokensAndJwtsAreRedacted() {
        assertThat(Secrets.redact("denied for Authorization: Bearer abc.DEF-123_xyz~ and " + JWT + " again", 300))
                .isEqualTo("denied for Authorization: Bearer <redacted> and <redacted> again")
                .doesNotContain("abc.DEF").doesNotContain("eyJ");
    }

    @Test
    void longTextIsCut() {
        assertThat(Secrets.redact("x".repeat(10), 4)).isEqualTo("xxxx…");
        assertThat(Secrets.redact("plain", 300)).isEqualTo("plain");
    }
}
