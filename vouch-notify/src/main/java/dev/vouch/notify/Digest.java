package dev.vouch.notify;

import dev.vouch.model.Severity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A notification reduced to what every human-facing channel shows: a title, a summary, at most
 * {@link #MAX_ITEMS} item lines (each at most {@link #MAX_LINE} characters) and a deep link. The cap
 * keeps Slack sections under 3,000 characters and a message readable.
 *
 * @param title one line, e.g. {@code Acme: 3 new failures (2 high)}
 * @param summary a sentence of context
 * @param lines item lines, already capped
 * @param omitted how many items were left out ({@code and N more})
 * @param link deep link, or empty
 */
record Digest(String title, String summary, List<String> lines, int omitted, String link) {
    static final int MAX_ITEMS = 20;
    static final int MAX_LINE = 140;

    String subject() {
        return "[Vouch] " + title;
    }

    String moreLine() {
        return omitted == 0 ? "" : "and " + omitted + " more";
    }

    static Digest of(Notification notification) {
        // Java 17: no pattern switch; the interface is sealed, so this chain is exhaustive.
        if (notification instanceof Notification.NewFailures f) {
            return newFailures(f);
        }
        if (notification instanceof Notification.Drift d) {
            return new Digest(
                    d.workspace() + ": " + d.subject() + " drifted " + d.from() + " -> " + d.to(),
                    "Scan " + d.scanId() + " at " + d.at() + (d.reason().isEmpty() ? "." : ": " + oneLine(d.reason())),
                    List.of(), 0, link(d.linkBase(), "scans", d.scanId()));
        }
        Notification.OverdueTask t = (Notification.OverdueTask) notification;
        return new Digest(
                t.workspace() + ": task " + t.taskId() + " overdue by " + t.daysOverdue()
                        + (t.daysOverdue() == 1 ? " day" : " days"),
                "\"" + t.title() + "\"" + (t.owner().isEmpty() ? "" : " owned by " + t.owner()) + " was due "
                        + t.dueAt() + ".",
                List.of(), 0, link(t.linkBase(), "tasks", t.taskId()));
    }

    private static Digest newFailures(Notification.NewFailures f) {
        List<String> lines = new ArrayList<>();
        for (Notification.FailureItem item : f.items().subList(0, Math.min(MAX_ITEMS, f.items().size()))) {
            String line = "[" + item.severity().label() + "] " + item.checkId() + " " + item.resourceName()
                    + (item.message().isEmpty() ? "" : ": " + oneLine(item.message()));
            lines.add(cap(line));
        }
        int n = f.items().size();
        return new Digest(f.workspace() + ": " + n + " new failure" + (n == 1 ? "" : "s") + breakdown(f),
                "Scan " + f.scanId() + " at " + f.at() + " found findings that were passing or absent before.",
                List.copyOf(lines), n - lines.size(), link(f.linkBase(), "scans", f.scanId()));
    }

    /** {@code " (1 critical, 2 high)"}, counting only critical and high; empty when there are none. */
    private static String breakdown(Notification.NewFailures f) {
        List<String> parts = new ArrayList<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH)) {
            long c = f.count(s);
            if (c > 0) {
                parts.add(c + " " + s.label());
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    static String cap(String text) {
        return text.length() <= MAX_LINE ? text : text.substring(0, MAX_LINE - 1) + "…";
    }

    static String link(String base, String kind, String id) {
        return base.isEmpty() ? "" : base + "/" + kind + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
