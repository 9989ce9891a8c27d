package dev.vouch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After, per-channel isolation, redirects and secrecy, against a local receiver. */
class DeliveryTest {
    private static final String SECRET = "T0001/B0002/XyZsecretToken";

    private Receiver receiver;
    private final List<Duration> waits = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(8),
            Duration.ofSeconds(60), Duration.ofSeconds(5));
    private final WebhookSender sender = new WebhookSender(WebhookSender.defaultClient(Duration.ofSeconds(5)),
            waits::add, Clock.fixed(Events.AT, ZoneOffset.UTC), policy);
    private final Notifier notifier = new Notifier(sender, new EmailSender(Clock.systemUTC(), Duration.ofSeconds(5)));
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void start() throws IOException {
        receiver = new Receiver();
        originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(originalErr);
        receiver.close();
    }

    private WebhookChannel channel(String name, String path) {
        return new WebhookChannel(name, receiver.url(path), WebhookChannel.Format.SLACK, Severity.LOW);
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serverErrorThenSuccessIsRetriedWithBackoff() {
        receiver.then(500, Map.of(), "boom");
        DeliveryResult r = sender.deliver(Events.drift(), channel("ops", "/services/" + SECRET));
        assertThat(r.ok()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(receiver.received).hasSize(2);
        assertThat(receiver.received.get(1).body()).isEqualTo(receiver.received.get(0).body());
        assertThat(logged()).contains("HTTP 500 (boom); retrying in 1000 ms").doesNotContain(SECRET);
    }

    @Test
    void tooManyRequestsHonoursRetryAfterSeconds() {
        receiver.then(429, Map.of("Retry-After", "7"), "");
        DeliveryResult r = sender.deliver(Events.drift(), channel("ops", "/services/" + SECRET));
        assertThat(r.ok()).isTrue();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsMeasuredFromTheInjectedClock() {
        assertThat(sender.retryAfter("Tue, 04 Mar 2025 05:06:37 GMT")).contains(Duration.ofSeconds(30));
        assertThat(sender.retryAfter("Tue, 04 Mar 2025 05:00:00 GMT")).contains(Duration.ZERO);
        assertThat(sender.retryAfter("soon")).isEmpty();
    }

    @Test
    void retryAfterBeyondTheLimitStopsInsteadOfStalling() {
        receiver.then(429, Map.of("Retry-After", "3600"), "");
        DeliveryResult r = sender.deliver(Events.drift(), channel("ops", "/services/" + SECRET));
        assertThat(r.ok()).isFalse();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.detail()).endsWith("HTTP 429 after 1 attempt; server asked to retry after 3600s, more than "
                + "the 60s limit");
        assertThat(waits).isEmpty();
    }

    @Test
    void persistentServerErrorGivesUpAfterMaxAttemptsWithDoublingBackoff() {
        receiver.then(503, Map.of(), "").then(502, Map.of(), "").then(500, Map.of(), "");
        DeliveryResult r = sender.deliver(Events.drift(), channel("ops", "/services/" + SECRET));
        assertThat(r).isEqualTo(new DeliveryResult("ops", false, 3,
                "webhook 'ops' (http://127.0.0.1:" + receiver.url("/").getPort() + "): HTTP 500 after 3 attempts"));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void notFoundFailsThatChannelOnlyAndIsNotRetried() {
        receiver.then(404, Map.of(), "no_team");
        List<DeliveryResult> results = notifier.send(Events.threeFailures(),
                List.of(channel("broken", "/services/" + SECRET), channel("working", "/services/other")));
        assertThat(results).extracting(DeliveryResult::channel, DeliveryResult::ok, DeliveryResult::attempts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("broken", false, 1),
                        org.assertj.core.groups.Tuple.tuple("working", true, 1));
        assertThat(results.get(0).detail()).contains("webhook 'broken' (http://127.0.0.1:", "HTTP 404 (no_team)");
        assertThat(receiver.received).extracting(Receiver.Received::path)
                .containsExactly("/services/" + SECRET, "/services/other");
        assertThat(waits).isEmpty();
    }

    @Test
    void redirectsAreNeverFollowed() {
        receiver.then(302, Map.of("Location", "https://evil.example/collect?x=1"), "");
        DeliveryResult r = sender.deliver(Events.drift(), channel("ops", "/services/" + SECRET));
        assertThat(r.ok()).isFalse();
        assertThat(r.detail()).contains("HTTP 302, redirect to evil.example refused").doesNotContain("collect");
        assertThat(receiver.received).hasSize(1);
    }

    @Test
    void clientThatFollowsRedirectsIsRejected() {
        HttpClient follows = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new WebhookSender(follows, waits::add, Clock.systemUTC(), policy))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not follow redirects");
    }

    @Test
    void connectionRefusedIsRetriedAndTheMessageKeepsTheUrlSecret() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        WebhookChannel dead = new WebhookChannel("dead",
                URI.create("http://127.0.0.1:" + closedPort + "/services/" + SECRET + "?token=" + SECRET),
                WebhookChannel.Format.TEAMS, Severity.LOW);
        DeliveryResult r = sender.deliver(Events.drift(), dead);
        assertThat(r.ok()).isFalse();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.detail()).startsWith("webhook 'dead' (http://127.0.0.1:" + closedPort + "): ")
                .contains("after 3 attempts").doesNotContain(SECRET).doesNotContain("/services");
        assertThat(logged()).contains("webhook 'dead'").doesNotContain(SECRET);
    }

    @Test
    void receiverEchoingTheUrlInItsErrorBodyDoesNotLeakIt() {
        receiver.then(400, Map.of(), "bad request to /services/" + SECRET);
        DeliveryResult r = sender.deliver(Events.drift(), channel("ops", "/services/" + SECRET));
        assertThat(r.detail()).contains("HTTP 400 (bad request to ***)").doesNotContain(SECRET);
        assertThat(logged()).contains("HTTP 400").doesNotContain(SECRET);
        assertThat(channel("ops", "/services/" + SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void channelBelowItsMinimumSeverityIsSkippedAndGetsOnlyQualifyingItems() {
        WebhookChannel criticalOnly = new WebhookChannel("pager", receiver.url("/p"), WebhookChannel.Format.GENERIC,
                Severity.CRITICAL);
        List<DeliveryResult> results = notifier.send(Events.many(3), List.of(criticalOnly));
        assertThat(results).containsExactly(new DeliveryResult("pager", true, 0,
                "skipped: no new failures at or above critical"));
        assertThat(receiver.received).isEmpty();

        notifier.send(Events.threeFailures(), List.of(criticalOnly));
        assertThat(receiver.received).hasSize(1);
        assertThat(receiver.received.get(0).body()).contains("AWS-S3-001").doesNotContain("LNX-SSH-002");
    }

    @Test
    void driftAndOverdueEventsIgnoreTheSeverityFilter() {
        WebhookChannel criticalOnly = new WebhookChannel("pager", receiver.url("/p"), WebhookChannel.Format.GENERIC,
                Severity.CRITICAL);
        assertThat(notifier.send(Events.overdue(), List.of(criticalOnly))).extracting(DeliveryResult::attempts)
                .containsExactly(1);
        assertThat(receiver.received.get(0).body()).contains("\"type\":\"overdue_task\"");
    }
}
