package dev.vouch.notify;

import dev.vouch.model.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one notification to many channels. Each channel gets the event filtered by its
 * {@link Channel#minSeverity()} (a new-failures event with nothing left is skipped, reported as ok
 * with 0 attempts); one failing channel never stops the others.
 */
public final class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final WebhookSender webhooks;
    private final EmailSender email;

    public Notifier(WebhookSender webhooks, EmailSender email) {
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.email = Objects.requireNonNull(email, "email");
    }

    /** Production wiring: JDK HTTP client without redirects, real sleeps, default retry policy. */
    public static Notifier standard(Clock clock) {
        RetryPolicy policy = RetryPolicy.defaults();
        return new Notifier(
                new WebhookSender(WebhookSender.defaultClient(policy.requestTimeout()), Sleeper.system(), clock,
                        policy),
                new EmailSender(clock, Duration.ofSeconds(30)));
    }

    /** One result per channel, in the channels' order. */
    public List<DeliveryResult> send(Notification notification, List<? extends Channel> channels) {
        Objects.requireNonNull(notification, "notification");
        List<DeliveryResult> results = new ArrayList<>(channels.size());
        for (Channel channel : channels) {
            results.add(sendOne(notification, channel));
        }
        return List.copyOf(results);
    }

    private DeliveryResult sendOne(Notification notification, Channel channel) {
        Optional<Notification> filtered = forSeverity(notification, channel.minSeverity());
        if (filtered.isEmpty()) {
            return new DeliveryResult(channel.name(), true, 0, "skipped: no new failures at or above "
                    + channel.minSeverity().label());
        }
        try {
            if (channel instanceof WebhookChannel w) {
                return webhooks.deliver(filtered.get(), w);
            }
            return email.deliver(filtered.get(), (EmailChannel) channel);
        } catch (RuntimeException e) {
            // Boundary: a bug or bad data for one channel must not stop the others. No message text:
            // it could quote a secret from the channel's configuration.
            String detail = "channel '" + channel.name() + "': unexpected " + e.getClass().getSimpleName();
            LOG.warn("Notification not delivered: {}", detail);
            return new DeliveryResult(channel.name(), false, 0, detail);
        }
    }

    static Optional<Notification> forSeverity(Notification n, Severity min) {
        if (n instanceof Notification.NewFailures f) {
            Notification.NewFailures kept = f.atLeast(min);
            return kept.items().isEmpty() ? Optional.empty() : Optional.of(kept);
        }
        return Optional.of(n);
    }
}
