package dev.vouch.notify;

import java.util.Objects;

/**
 * The outcome of one notification on one channel. {@code detail} is safe to show and log: it names
 * the channel and host, never a webhook URL's path or query, never a password.
 *
 * @param channel the channel's name
 * @param ok true when delivered (or deliberately skipped, see {@code detail})
 * @param attempts how many delivery attempts were made (0 when skipped)
 * @param detail status or error message
 */
public record DeliveryResult(String channel, boolean ok, int attempts, String detail) {
    public DeliveryResult {
        Objects.requireNonNull(channel, "channel");
        detail = detail == null ? "" : detail;
    }
}
