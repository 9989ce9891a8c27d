package dev.vouch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiTokensTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    final ApiTokens tokens = new ApiTokens(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void issuedTokenVerifiesAndOnlyItsHashIsStored() {
        ApiTokens.Issued t = tokens.issue("ci pipeline", "alice", TokenScope.READ);
        assertThat(t.token()).matches("vouch_[a-z2-7]{8}_[a-z2-7]{52}");
        String secret = t.token().substring(15);
        assertThat(t.stored().secretSha256()).hasSize(64).isEqualTo(ApiTokens.sha256(secret)).doesNotContain(secret);
        assertThat(t.stored().toString()).doesNotContain(secret);
        assertThat(t.toString()).doesNotContain(secret);
        assertThat(t.stored().createdAt()).isEqualTo(NOW);
        assertThat(ApiTokens.idOf(t.token())).hasValue(t.stored().id());
        assertThat(ApiTokens.check(t.token(), t.stored(), "GET")).isEqualTo(ApiTokens.Verdict.OK);
    }

    @Test
    void scopeRevocationAndTamperingAreRefused() {
        ApiTokens.Issued read = tokens.issue("dashboard", "alice", TokenScope.READ);
        ApiTokens.Issued write = tokens.issue("automation", "alice", TokenScope.READ_WRITE);
        assertThat(ApiTokens.check(read.token(), read.stored(), "POST")).isEqualTo(ApiTokens.Verdict.FORBIDDEN);
        assertThat(ApiTokens.check(read.token(), read.stored(), "head")).isEqualTo(ApiTokens.Verdict.OK);
        assertThat(ApiTokens.check(write.token(), write.stored(), "DELETE")).isEqualTo(ApiTokens.Verdict.OK);
        assertThat(ApiTokens.check(write.token(), write.stored().revoked(NOW), "GET")).isEqualTo(ApiTokens.Verdict.REVOKED);
        char last = read.token().charAt(read.token().length() - 1);
        String tampered = read.token().substring(0, read.token().length() - 1) + (last == 'a' ? 'b' : 'a');
        assertThat(ApiTokens.check(tampered, read.stored(), "GET")).isEqualTo(ApiTokens.Verdict.INVALID);
        assertThat(ApiTokens.check(write.token(), read.stored(), "GET")).as("another token's record").isEqualTo(ApiTokens.Verdict.INVALID);
        assertThat(ApiTokens.check("Bearer nonsense", read.stored(), "GET")).isEqualTo(ApiTokens.Verdict.INVALID);
        assertThat(ApiTokens.idOf("vouch_short_x")).isEmpty();
    }
}
