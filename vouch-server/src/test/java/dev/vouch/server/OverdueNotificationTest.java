package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.cli.ManualEvidence;
import dev.vouch.cli.Period;
import dev.vouch.cli.workspace.Workspace;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overdue evidence reaches the webhook once a day: a quarterly review recorded for a quarter long past is stale, the
 * first scan of the day sends it, a second scan the same day does not send it again.
 */
class OverdueNotificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void staleEvidenceIsSentOncePerDay() throws Exception {
        try (HookReceiver hooks = new HookReceiver()) {
            Path ws = SchedulingWorkspace.create(dir, "notifications:\n  on: [overdue]\n  webhooks:\n"
                    + "    - {name: relay, url: \"" + hooks.url("/hook") + "\", format: generic}\n");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate from = today.minusMonths(9).withDayOfMonth(1);
            ManualEvidence.record(Workspace.open(ws), "q-review.pdf", "%PDF-1.4 review".getBytes(StandardCharsets.US_ASCII),
                    List.of("VC-IAM-03"), Period.parse(from + ".." + from.plusMonths(3).minusDays(1), "covers"), "", "erin",
                    Clock.systemUTC(), new PrintWriter(Writer.nullWriter()), "control");
            try (ServerFixture f = ServerFixture.start(ServerSettings.forTest(ws, Clock.systemUTC()), Map.of(), Map.of())) {
                f.scan();
                SchedulingWorkspace.await("the overdue notification", () -> !hooks.received("/hook").isEmpty());
                f.scan();
                ServerFixture.sleep(1500); // a second notification would have been sent by now
                List<HookReceiver.Received> got = hooks.received("/hook");
                assertThat(got).as("only the one stale requirement, once").hasSize(1);
                List<String> bodies = got.stream().map(HookReceiver.Received::body).toList();
                assertThat(bodies.stream().filter(b -> b.contains("VC-IAM-03"))).hasSize(1);
                JsonNode n = JSON.readTree(bodies.stream().filter(b -> b.contains("VC-IAM-03")).findFirst().orElseThrow());
                assertThat(n.path("type").asText()).contains("overdue");
                assertThat(n.toString()).contains("VC-IAM-03");
                assertThat(ws.resolve(".vouch/notified-overdue")).hasContent(today.toString());
            }
        }
    }
}
