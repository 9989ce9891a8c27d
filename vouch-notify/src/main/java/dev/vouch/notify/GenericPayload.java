package dev.vouch.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The event itself as JSON with a {@code type} discriminator ({@code new_failures}, {@code drift},
 * {@code overdue_task}), for receivers that do their own formatting. Times are ISO-8601 UTC.
 * New-failure items are capped at {@link #MAX_ITEMS}; {@code total} and {@code omitted} tell the rest.
 */
final class GenericPayload {
    static final int MAX_ITEMS = 1000;
    private final ObjectMapper json;

    GenericPayload(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode render(Notification n) {
        ObjectNode root = json.createObjectNode();
        if (n instanceof Notification.NewFailures f) {
            root.put("type", "new_failures").put("workspace", f.workspace()).put("scanId", f.scanId())
                    .put("at", f.at().toString()).put("total", f.items().size());
            items(root.putArray("items"), f.items());
            root.put("omitted", Math.max(0, f.items().size() - MAX_ITEMS));
        } else if (n instanceof Notification.Drift d) {
            root.put("type", "drift").put("workspace", d.workspace()).put("scanId", d.scanId())
                    .put("at", d.at().toString()).put("subject", d.subject()).put("from", d.from())
                    .put("to", d.to()).put("reason", d.reason());
        } else {
            Notification.OverdueTask t = (Notification.OverdueTask) n;
            root.put("type", "overdue_task").put("workspace", t.workspace()).put("taskId", t.taskId())
                    .put("title", t.title()).put("owner", t.owner()).put("dueAt", t.dueAt().toString())
                    .put("daysOverdue", t.daysOverdue());
        }
        root.put("link", Digest.of(n).link());
        return root;
    }

    private static void items(ArrayNode array, List<Notification.FailureItem> items) {
        for (Notification.FailureItem i : items.subList(0, Math.min(MAX_ITEMS, items.size()))) {
            array.addObject().put("checkId", i.checkId()).put("severity", i.severity().label())
                    .put("resourceName", i.resourceName()).put("resourceId", i.resourceId())
                    .put("message", i.message());
        }
    }
}
