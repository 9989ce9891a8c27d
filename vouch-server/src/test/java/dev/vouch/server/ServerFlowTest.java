package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import dev.vouch.auth.Totp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-run path as a new user walks it, over HTTP: set-up code, first admin, authenticator, a scan, the API. */
class ServerFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static ServerFixture f;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void firstRunSetupEnrolScanAndApi() throws Exception {
        ServerFixture.Browser b = f.browser();
        assertThat(ServerFixture.location(b.get("/"))).isEqualTo("/login");
        assertThat(ServerFixture.location(b.get("/login"))).isEqualTo("/setup");
        Path codeFile = f.workspace.resolve(AccountService.SETUP_FILE);
        assertThat(f.bean(AccountService.class).prepareSetup()).contains(codeFile);
        assertThat(Files.getPosixFilePermissions(codeFile)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        String code = Files.readString(codeFile).strip();

        b.get("/setup");
        HttpResponse<String> wrong = b.post("/setup", Map.of("code", "nottheone", "username", "alice", "password",
                ServerFixture.PASSWORD, "confirm", ServerFixture.PASSWORD));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("set-up code is not right");
        HttpResponse<String> weak = b.post("/setup", Map.of("code", code, "username", "alice", "password", "short", "confirm", "short"));
        assertThat(weak.body()).contains("at least 12 characters");

        HttpResponse<String> made = b.post("/setup", Map.of("code", code, "username", "Alice", "displayName", "Alice Admin",
                "password", ServerFixture.PASSWORD, "confirm", ServerFixture.PASSWORD));
        assertThat(ServerFixture.location(made)).isEqualTo("/login/enrol");
        assertThat(codeFile).doesNotExist();
        // an admin cannot skip enrolment: every page still sends them to sign in
        assertThat(ServerFixture.location(b.get("/"))).isEqualTo("/login");

        HttpResponse<String> enrol = b.get("/login/enrol");
        Matcher m = Pattern.compile("id=\"secret\">([^<]+)<").matcher(enrol.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        Matcher qr = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"[^>]*>\\s*<rect[^>]*/>\\s*<path fill=\"#000000\" d=\"([^\"]+)\"").matcher(enrol.body());
        assertThat(qr.find()).isTrue();
        String scanned = QrTest.decode(Integer.parseInt(qr.group(1)), qr.group(2));
        assertThat(scanned).startsWith("otpauth://totp/").contains("secret=" + secret);
        assertThat(b.post("/login/enrol", Map.of("code", "000000")).statusCode()).isEqualTo(400);
        HttpResponse<String> on = b.post("/login/enrol", Map.of("code", Totp.codeAt(secret, Instant.now())));
        assertThat(ServerFixture.location(on)).isEqualTo("/");
        assertThat(b.get("/").body()).contains("No scan yet", "Run a scan now");

        // set-up is over: the page sends to sign-in, and a second admin cannot be made with an old code
        assertThat(ServerFixture.location(b.get("/setup"))).isEqualTo("/login");

        ScanJobs.Job job = f.scan();
        assertThat(job.getState()).isEqualTo("succeeded");
        HttpResponse<String> dash = b.get("/");
        assertThat(dash.body()).contains("Acme Analytics, Inc.", "Top remediation", "Coverage gaps");

        String token = f.token("alice", TokenScope.READ);
        JsonNode d = JSON.readTree(f.api("GET", "/api/v1/dashboard", token, null).body());
        assertThat(d.path("organization").asText()).isEqualTo("Acme Analytics, Inc.");
        assertThat(dash.body()).contains(String.format(java.util.Locale.ROOT, "%.1f", d.path("overall").asDouble()));
        assertThat(d.path("categories")).hasSize(3);

        // signing in again needs the code; a replayed code is refused
        ServerFixture.Browser b2 = f.browser();
        HttpResponse<String> pw = b2.signIn("alice", Optional.empty());
        assertThat(ServerFixture.location(pw)).isEqualTo("/login/totp");
        assertThat(ServerFixture.location(b2.get("/"))).isEqualTo("/login");
        String c = Totp.codeAt(secret, Instant.now());
        b2.get("/login/totp");
        HttpResponse<String> in = b2.post("/login/totp", Map.of("code", c));
        boolean replayOfEnrolCode = in.statusCode() == 401; // the enrolment may have used this very step
        if (!replayOfEnrolCode) {
            assertThat(ServerFixture.location(in)).isEqualTo("/");
            ServerFixture.Browser b3 = f.browser();
            b3.signIn("alice", Optional.empty());
            b3.get("/login/totp");
            assertThat(b3.post("/login/totp", Map.of("code", c)).body()).contains("used already");
        }
    }
}
