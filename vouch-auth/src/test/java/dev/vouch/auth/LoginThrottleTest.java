package dev.vouch.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    /** A clock the test moves. */
    static final class Manual extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void fiveFreeFailuresThenDoublingWaitsUpToTheCapAndSuccessClears() {
        Manual clock = new Manual();
        LoginThrottle t = LoginThrottle.standard(clock);
        for (int i = 0; i < 4; i++) {
            t.failure("user:alice");
            assertThat(t.retryAfter("user:alice")).as("failure %d", i + 1).isEmpty();
        }
        t.failure("user:alice");
        assertThat(t.retryAfter("user:alice")).hasValue(Duration.ofMinutes(1));
        clock.now = clock.now.plusSeconds(61);
        assertThat(t.retryAfter("user:alice")).isEmpty();
        t.failure("user:alice");
        assertThat(t.retryAfter("user:alice")).hasValue(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            t.failure("user:alice");
        }
        assertThat(t.retryAfter("user:alice")).hasValue(Duration.ofHours(1));
        assertThat(t.retryAfter("ip:192.0.2.7")).as("other keys unaffected").isEmpty();
        t.success("user:alice");
        assertThat(t.retryAfter("user:alice")).isEmpty();
        t.failure("user:alice");
        assertThat(t.retryAfter("user:alice")).as("counting starts again").isEmpty();
    }

    @Test
    void beginCountsTheAttemptBeforeThePasswordIsChecked() {
        Manual clock = new Manual();
        LoginThrottle t = LoginThrottle.standard(clock);
        // five attempts start together (none has finished): all allowed, and the sixth must wait
        for (int i = 0; i < 5; i++) {
            assertThat(t.begin("user:bob")).isEmpty();
        }
        assertThat(t.begin("user:bob")).hasValue(Duration.ofMinutes(1));
        clock.now = clock.now.plus(Duration.ofHours(25));
        assertThat(t.begin("user:bob")).as("old failures are forgotten after a day").isEmpty();
        assertThat(t.retryAfter("user:bob")).isEmpty();
    }

    @Test
    void keysFoldCaseAndIpv6Prefixes() throws Exception {
        assertThat(LoginThrottle.userKey(" Alice ")).isEqualTo(LoginThrottle.userKey("alice")).isEqualTo("user:alice");
        assertThat(LoginThrottle.userKey("\uFF41lice")).as("full-width a").isEqualTo("user:alice");
        assertThat(LoginThrottle.addressKey(java.net.InetAddress.getByName("2001:db8:1:2:aaaa::1")))
                .isEqualTo(LoginThrottle.addressKey(java.net.InetAddress.getByName("2001:db8:1:2:bbbb::2")))
                .isEqualTo("ip6:20010db800010002::/64");
        assertThat(LoginThrottle.addressKey(java.net.InetAddress.getByName("192.0.2.7"))).isEqualTo("ip:192.0.2.7");
    }
}
