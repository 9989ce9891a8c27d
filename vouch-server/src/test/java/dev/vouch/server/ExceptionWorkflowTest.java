package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An accepted risk through the API: an editor asks, another admin decides, the next scan applies it, revoking ends it. */
class ExceptionWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static ServerFixture f;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
        f.user("erin", Role.EDITOR, Optional.empty(), Optional.empty());
        f.user("alice", Role.ADMIN, Optional.empty(), Optional.empty());
        f.user("adam", Role.ADMIN, Optional.empty(), Optional.empty());
        f.user("vic", Role.VIEWER, Optional.empty(), Optional.empty());
        f.scan();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void requestedApprovedAppliedRevoked() throws Exception {
        String erin = f.token("erin", TokenScope.READ_WRITE);
        String alice = f.token("alice", TokenScope.READ_WRITE);
        String adam = f.token("adam", TokenScope.READ_WRITE);
        String vic = f.token("vic", TokenScope.READ);
        JsonNode fail = JSON.readTree(f.api("GET", "/api/v1/findings?outcome=FAIL&size=1", erin, null).body()).path("items").get(0);
        String check = fail.path("checkId").asText();
        String resource = fail.path("resourceId").asText();
        String expires = LocalDate.now(ZoneOffset.UTC).plusDays(90).toString();
        String body = "{\"check\":\"" + check + "\",\"resource\":\"" + resource + "\",\"reason\":\"vendor fix due next quarter; compensating WAF rule\","
                + "\"expires\":\"" + expires + "\"}";

        HttpResponse<String> bad = f.api("POST", "/api/v1/exceptions", erin, body.replace(expires, LocalDate.now(ZoneOffset.UTC).plusDays(900).toString()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("expires");
        assertThat(f.api("POST", "/api/v1/exceptions", erin, body.replace(check, "NO-SUCH-CHECK")).body()).contains("no check 'NO-SUCH-CHECK'");
        assertThat(f.api("POST", "/api/v1/exceptions", vic, body).statusCode()).isEqualTo(403);

        HttpResponse<String> made = f.api("POST", "/api/v1/exceptions", erin, body);
        assertThat(made.statusCode()).isEqualTo(201);
        long id = JSON.readTree(made.body()).path("id").asLong();
        assertThat(JSON.readTree(made.body()).path("state").asText()).isEqualTo("REQUESTED");

        assertThat(f.api("POST", "/api/v1/exceptions/" + id + "/approve", erin, "{}").statusCode()).isEqualTo(403); // editors do not decide
        String aliceRequest = f.api("POST", "/api/v1/exceptions", alice, body).body();
        long own = JSON.readTree(aliceRequest).path("id").asLong();
        HttpResponse<String> self = f.api("POST", "/api/v1/exceptions/" + own + "/approve", alice, "{}");
        assertThat(self.statusCode()).isEqualTo(403);                                                        // nor does the requester

        HttpResponse<String> ok = f.api("POST", "/api/v1/exceptions/" + id + "/approve", alice, "{\"note\":\"until the vendor fix\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("decidedBy").asText()).isEqualTo("alice");
        assertThat(f.api("POST", "/api/v1/exceptions/" + id + "/reject", adam, "{}").statusCode()).isEqualTo(409); // decided once

        f.scan();
        JsonNode excepted = JSON.readTree(f.api("GET", "/api/v1/findings?outcome=EXCEPTED&check=" + check + "&size=500", erin, null).body());
        assertThat(excepted.path("items").findValuesAsText("exceptionId")).contains("REQ-" + id);
        assertThat(excepted.path("items").findValuesAsText("resourceId")).contains(resource);

        assertThat(f.api("POST", "/api/v1/exceptions/" + id + "/revoke", adam, "{\"note\":\"fixed early\"}").statusCode()).isEqualTo(200);
        f.scan();
        JsonNode after = JSON.readTree(f.api("GET", "/api/v1/findings?check=" + check + "&resource=" + ServerFixture.enc(resource), erin, null).body());
        assertThat(after.path("items").get(0).path("outcome").asText()).isEqualTo("FAIL");

        // an auditor whose window ended before the decision sees the request as it stood then: still requested
        java.time.Instant requested = java.time.Instant.parse(JSON.readTree(made.body()).path("requestedAt").asText());
        f.user("aud", Role.AUDITOR, Optional.of(requested.minusSeconds(86_400)), Optional.of(requested.plusMillis(1)));
        JsonNode seen = JSON.readTree(f.api("GET", "/api/v1/exceptions", f.token("aud", TokenScope.READ), null).body());
        JsonNode mine = null;
        for (JsonNode r : seen.path("requests")) {
            if (r.path("id").asLong() == id) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("state").asText()).isEqualTo("REQUESTED");
        assertThat(mine.path("decidedBy").isNull()).isTrue();

        JsonNode audit = JSON.readTree(f.api("GET", "/api/v1/audit", alice, null).body());
        assertThat(audit.findValuesAsText("action")).contains("exception.request", "exception.approve", "exception.revoke");
    }
}
