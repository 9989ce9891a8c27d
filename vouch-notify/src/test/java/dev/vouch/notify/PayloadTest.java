package dev.vouch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.model.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exact payloads as a local receiver gets them, one per format. */
class PayloadTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Receiver receiver = newReceiver();
    private final List<Duration> waits = new ArrayList<>();
    private final WebhookSender sender = new WebhookSender(WebhookSender.defaultClient(Duration.ofSeconds(5)),
            waits::add, Clock.fixed(Events.AT, ZoneOffset.UTC), RetryPolicy.defaults());

    private static Receiver newReceiver() {
        try {
            return new Receiver();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private JsonNode deliver(Notification n, WebhookChannel.Format format) throws Exception {
        WebhookChannel channel = new WebhookChannel("ops", receiver.url("/hook/SECRET"), format, Severity.LOW);
        DeliveryResult result = sender.deliver(n, channel);
        assertThat(result).isEqualTo(new DeliveryResult("ops", true, 1,
                "webhook 'ops' (" + channel.safeTarget() + "): HTTP 200"));
        assertThat(receiver.received).hasSize(1);
        assertThat(receiver.received.get(0).contentType()).isEqualTo("application/json; charset=utf-8");
        return json.readTree(receiver.received.get(0).body());
    }

    @Test
    void slackBlocksForNewFailures() throws Exception {
        JsonNode body = deliver(Events.threeFailures(), WebhookChannel.Format.SLACK);
        assertThat(body).isEqualTo(json.readTree("""
                {"text": "Acme: 3 new failures (1 critical, 1 high)",
                 "blocks": [
                  {"type": "header", "text": {"type": "plain_text", "text": "Acme: 3 new failures (1 critical, 1 high)"}},
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "Scan scan-42 at 2025-03-04T05:06:07Z found findings that were passing or absent before."}},
                  {"type": "section", "text": {"type": "mrkdwn",
                    "text": "• [critical] AWS-S3-001 logs-bucket: Bucket logs-bucket is public\\n• [high] LNX-SSH-002 web-1: sshd permits root login &lt;yes&gt; &amp; passwords\\n• [medium] AZ-STG-003 stgprod: Storage account stgprod allows TLS1_0"}},
                  {"type": "section", "text": {"type": "mrkdwn", "text": "<https://vouch.example.com/scans/scan-42|Open in Vouch>"}}
                 ]}"""));
    }

    @Test
    void teamsAdaptiveCardForDrift() throws Exception {
        JsonNode body = deliver(Events.drift(), WebhookChannel.Format.TEAMS);
        assertThat(body).isEqualTo(json.readTree("""
                {"type": "message",
                 "attachments": [{
                  "contentType": "application/vnd.microsoft.card.adaptive",
                  "contentUrl": null,
                  "content": {
                   "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
                   "type": "AdaptiveCard", "version": "1.2",
                   "body": [
                    {"type": "TextBlock", "text": "Acme: CC6.1 drifted PASS -> FAIL", "size": "Large", "weight": "Bolder", "wrap": true},
                    {"type": "TextBlock", "text": "Scan scan-42 at 2025-03-04T05:06:07Z: 2 checks now fail", "wrap": true}
                   ],
                   "actions": [{"type": "Action.OpenUrl", "title": "Open in Vouch", "url": "https://vouch.example.com/scans/scan-42"}]
                  }}]}"""));
    }

    @Test
    void genericEventJsonForOverdueTask() throws Exception {
        JsonNode body = deliver(Events.overdue(), WebhookChannel.Format.GENERIC);
        assertThat(body).isEqualTo(json.readTree("""
                {"type": "overdue_task", "workspace": "Acme", "taskId": "T-12", "title": "Rotate the deploy key",
                 "owner": "alice@acme.example", "dueAt": "2025-03-01T00:00:00Z", "daysOverdue": 3, "link": ""}"""));
    }

    @Test
    void genericEventJsonForNewFailuresListsItemsMostSevereFirst() throws Exception {
        JsonNode body = deliver(Events.threeFailures(), WebhookChannel.Format.GENERIC);
        assertThat(body.get("type").asText()).isEqualTo("new_failures");
        assertThat(body.get("total").asInt()).isEqualTo(3);
        assertThat(body.get("omitted").asInt()).isZero();
        assertThat(body.get("items").get(0)).isEqualTo(json.readTree("""
                {"checkId": "AWS-S3-001", "severity": "critical", "resourceName": "logs-bucket",
                 "resourceId": "arn:aws:s3:::logs-bucket", "message": "Bucket logs-bucket is public"}"""));
        assertThat(body.get("items").findValuesAsText("checkId"))
                .containsExactly("AWS-S3-001", "LNX-SSH-002", "AZ-STG-003");
        assertThat(body.get("link").asText()).isEqualTo("https://vouch.example.com/scans/scan-42");
    }

    @Test
    void slackCapsLongListsAtTwentyItemsAndSaysHowManyMore() throws Exception {
        JsonNode body = deliver(Events.many(25), WebhookChannel.Format.SLACK);
        JsonNode blocks = body.get("blocks");
        String items = blocks.get(2).get("text").get("text").asText();
        assertThat(items.split("\n")).hasSize(20).startsWith("• [low] CHK-100 res-100").endsWith("• [low] CHK-119 res-119");
        assertThat(blocks.get(3)).isEqualTo(json.readTree("""
                {"type": "context", "elements": [{"type": "mrkdwn", "text": "and 5 more"}]}"""));
        assertThat(items.length()).isLessThan(3000);
        assertThat(body.get("text").asText()).isEqualTo("Acme: 25 new failures");
    }

    @Test
    void longItemLinesAreCutSoTwentyStayUnderSlacksSectionLimit() {
        Notification.NewFailures n = new Notification.NewFailures("Acme", "s", Events.AT,
                java.util.Collections.nCopies(30, new Notification.FailureItem("CHK-1", Severity.HIGH, "r", "r",
                        "x".repeat(5000))), "");
        Digest d = Digest.of(n);
        assertThat(d.lines()).hasSize(20).allSatisfy(l -> assertThat(l).hasSize(Digest.MAX_LINE).endsWith("…"));
        assertThat(d.omitted()).isEqualTo(10);
        assertThat(new ChatPayloads(json).slack(d).get("blocks").get(2).get("text").get("text").asText().length())
                .isLessThan(3000);
    }
}
