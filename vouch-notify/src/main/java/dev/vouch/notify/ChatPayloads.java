package dev.vouch.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Slack and Microsoft Teams message bodies built from a {@link Digest}. */
final class ChatPayloads {
    private final ObjectMapper json;

    ChatPayloads(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Slack incoming-webhook body: {@code text} (the notification fallback) plus Block Kit
     * {@code blocks}: a header (plain text, Slack caps it at 150 characters), a summary section, one
     * mrkdwn section listing the items (kept under Slack's 3,000-character section limit by the
     * digest's caps), an "and N more" context and a link.
     * See https://api.slack.com/messaging/webhooks and https://api.slack.com/reference/block-kit/blocks.
     */
    ObjectNode slack(Digest d) {
        ObjectNode root = json.createObjectNode();
        root.put("text", escape(d.title()));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", clip(d.title(), 150));
        section(blocks, escape(d.summary()));
        if (!d.lines().isEmpty()) {
            StringBuilder items = new StringBuilder();
            for (String line : d.lines()) {
                items.append(items.length() == 0 ? "" : "\n").append("• ").append(escape(line));
            }
            section(blocks, items.toString());
        }
        if (d.omitted() > 0) {
            ObjectNode context = blocks.addObject().put("type", "context");
            context.putArray("elements").addObject().put("type", "mrkdwn").put("text", d.moreLine());
        }
        if (!d.link().isEmpty()) {
            section(blocks, "<" + d.link() + "|Open in Vouch>");
        }
        return root;
    }

    /**
     * Teams body: an Adaptive Card in the {@code message}/{@code attachments} wrapper that Teams
     * incoming webhooks and Workflows ("Post to a channel when a webhook request is received") accept:
     * {@code {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
     * "contentUrl":null,"content":{"$schema":...,"type":"AdaptiveCard","version":"1.2","body":[...]}}]}}.
     * Shape per Microsoft's "Send Adaptive Cards using an Incoming Webhook"
     * (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
     * and .../how-to/add-incoming-webhook). Version 1.2 is the highest Teams webhooks render reliably.
     */
    ObjectNode teams(Digest d) {
        ObjectNode root = json.createObjectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.putNull("contentUrl");
        ObjectNode card = attachment.putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .put("type", "AdaptiveCard")
                .put("version", "1.2");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", d.title()).put("size", "Large")
                .put("weight", "Bolder").put("wrap", true);
        body.addObject().put("type", "TextBlock").put("text", d.summary()).put("wrap", true);
        for (String line : d.lines()) {
            body.addObject().put("type", "TextBlock").put("text", "- " + line).put("wrap", true)
                    .put("spacing", "None");
        }
        if (d.omitted() > 0) {
            body.addObject().put("type", "TextBlock").put("text", d.moreLine()).put("isSubtle", true)
                    .put("wrap", true);
        }
        if (!d.link().isEmpty()) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in Vouch")
                    .put("url", d.link());
        }
        return root;
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
    }

    /** Slack mrkdwn control characters: only {@code & < >} need escaping. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
