package dev.vouch.notify;

import dev.vouch.model.Severity;

/** Where a notification goes. */
public sealed interface Channel permits WebhookChannel, EmailChannel {

    /** Unique, human-chosen name, used in results and logs. */
    String name();

    /** New-failure items below this severity are not sent to this channel. */
    Severity minSeverity();
}
