package dev.vouch.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts notifications to webhooks: one JSON POST per channel, retried on 429, 5xx and I/O errors
 * (honouring {@code Retry-After}), never following redirects. Results and logs name the channel and
 * {@link WebhookChannel#safeTarget()} only; the URL's path and query are secret.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RetryPolicy policy;
    private final ChatPayloads chat;
    private final GenericPayload generic;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param http a client that does not follow redirects (see {@link #defaultClient(Duration)})
     * @throws IllegalArgumentException when {@code http} follows redirects
     */
    public WebhookSender(HttpClient http, Sleeper sleeper, Clock clock, RetryPolicy policy) {
        this.http = Objects.requireNonNull(http, "http");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("webhook HttpClient must not follow redirects (was "
                    + http.followRedirects() + "): a redirect could send the payload to another host");
        }
        this.chat = new ChatPayloads(json);
        this.generic = new GenericPayload(json);
    }

    /** An HTTP client that never follows redirects, with the given connect timeout. */
    public static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .build();
    }

    /** Sends {@code notification} (already filtered for the channel) to {@code channel}. */
    public DeliveryResult deliver(Notification notification, WebhookChannel channel) {
        String body = body(notification, channel.format());
        HttpRequest request = HttpRequest.newBuilder(channel.url())
                .timeout(policy.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Vouch-Notify")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        String who = "webhook '" + channel.name() + "' (" + channel.safeTarget() + ")";
        Optional<String> refused = Targets.refusal(channel);
        if (refused.isPresent()) {
            String detail = who + ": " + refused.get();
            LOG.warn("Notification not delivered: {}", detail);
            return new DeliveryResult(channel.name(), false, 0, detail);
        }
        for (int attempt = 1; ; attempt++) {
            Attempt a = attempt(request, channel);
            if (a.ok()) {
                LOG.info("Delivered {} to {} on attempt {}", kind(notification), who, attempt);
                return new DeliveryResult(channel.name(), true, attempt, who + ": " + a.detail());
            }
            Optional<Duration> wait = a.retryable() && attempt < policy.maxAttempts()
                    ? Optional.of(a.retryAfter().orElse(policy.backoff(attempt))) : Optional.empty();
            if (wait.isEmpty() || wait.get().compareTo(policy.maxRetryAfter()) > 0) {
                String reason = wait.isPresent() ? "; server asked to retry after " + wait.get().toSeconds()
                        + "s, more than the " + policy.maxRetryAfter().toSeconds() + "s limit" : "";
                return failed(channel, attempt, who + ": " + a.detail() + " after " + attempt
                        + (attempt == 1 ? " attempt" : " attempts") + reason);
            }
            LOG.debug("{}: {}; retrying in {} ms", who, a.detail(), wait.get().toMillis());
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(channel, attempt, who + ": interrupted while waiting to retry");
            }
        }
    }

    /** The JSON body for {@code format}. */
    String body(Notification notification, WebhookChannel.Format format) {
        try {
            return json.writeValueAsString(switch (format) {
                case SLACK -> chat.slack(Digest.of(notification));
                case TEAMS -> chat.teams(Digest.of(notification));
                case GENERIC -> generic.render(notification);
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + kind(notification) + ": " + e.getMessage(), e);
        }
    }

    private record Attempt(boolean ok, boolean retryable, Optional<Duration> retryAfter, String detail) {
    }

    private Attempt attempt(HttpRequest request, WebhookChannel channel) {
        try {
            // at most 4 KiB of the body is read (a huge or endless body must not hang or fill memory)
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String body;
            try (java.io.InputStream in = response.body()) {
                body = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            String detail = "HTTP " + status + excerpt(body, channel);
            if (status >= 200 && status < 300) {
                return new Attempt(true, false, Optional.empty(), "HTTP " + status);
            }
            if (status >= 300 && status < 400) {
                String to = response.headers().firstValue("Location").map(l -> hostOf(l, channel)).orElse("?");
                return new Attempt(false, false, Optional.empty(), "HTTP " + status + ", redirect to " + to
                        + " refused");
            }
            boolean retryable = status == 429 || status >= 500;
            Optional<Duration> after = retryable
                    ? response.headers().firstValue("Retry-After").flatMap(this::retryAfter) : Optional.empty();
            return new Attempt(false, retryable, after, detail);
        } catch (IOException e) {
            return new Attempt(false, true, Optional.empty(), Redact.exception(e, channel.url()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(false, false, Optional.empty(), "interrupted");
        }
    }

    /** {@code Retry-After}: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    Optional<Duration> retryAfter(String value) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), when);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String excerpt(String body, WebhookChannel channel) {
        String text = Redact.url(body == null ? "" : body.replaceAll("\\s+", " ").trim(), channel.url());
        return text.isEmpty() ? "" : " (" + (text.length() > 100 ? text.substring(0, 100) + "…" : text) + ")";
    }

    private static String hostOf(String location, WebhookChannel channel) {
        try {
            URI target = channel.url().resolve(location);
            return target.getHost() == null ? "?" : target.getHost();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private static DeliveryResult failed(WebhookChannel channel, int attempts, String detail) {
        LOG.warn("Notification not delivered: {}", detail);
        return new DeliveryResult(channel.name(), false, attempts, detail);
    }

    static String kind(Notification n) {
        return n.getClass().getSimpleName();
    }
}
