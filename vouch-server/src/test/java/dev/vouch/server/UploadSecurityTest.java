package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence uploads: the size limit, hostile file names and unknown controls, over the API and the page. */
class UploadSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 64 * 1024;
    @TempDir
    static Path dir;
    static ServerFixture f;
    static String token;
    static ServerFixture.Browser editor;

    @BeforeAll
    static void start() {
        Path ws = ServerFixture.copyExample(dir.resolve("ws"));
        f = ServerFixture.start(new ServerSettings(ws, InetAddress.getLoopbackAddress(), 0, false, Duration.ofMinutes(30), false,
                Optional.of(LIMIT), Clock.systemUTC()));
        f.user("ed", Role.EDITOR, Optional.empty(), Optional.empty());
        token = f.token("ed", TokenScope.READ_WRITE);
        editor = f.browser();
        assertThat(ServerFixture.location(editor.signIn("ed", Optional.empty()))).isEqualTo("/");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void anUploadOverTheLimitIs413OnTheApiAndThePageAndRecordsNothing() throws Exception {
        editor.get("/evidence");
        ServerState before = ServerState.of(f);
        byte[] big = new byte[(int) LIMIT + 32 * 1024];
        Arrays.fill(big, (byte) 'x');

        HttpResponse<String> api = upload(Multipart.evidence("VC-GOV-01", "big.pdf", big, Map.of()));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JSON.readTree(api.body()).path("detail").asText()).contains("larger than this server accepts");

        HttpResponse<String> page = editor.send(Multipart.evidence("VC-GOV-01", "big.pdf", big, Map.of("_csrf", editor.lastCsrf))
                .post(f.base + "/evidence").build());
        assertThat(page.statusCode()).as("the page upload: " + page.body()).isEqualTo(413);
        assertThat(ServerState.of(f)).as("nothing recorded").isEqualTo(before);

        byte[] fits = Arrays.copyOf(big, (int) LIMIT - 1024);
        HttpResponse<String> small = upload(Multipart.evidence("VC-GOV-01", "fits.pdf", fits, Map.of()));
        assertThat(small.statusCode()).as("just under the limit: " + small.body()).isEqualTo(201);
    }

    @Test
    void hostileFileNamesAreStoredSanitizedAndNothingIsWrittenOutsideTheVault() throws Exception {
        List<String> outside = filesOutsideVault();
        String longName = "a".repeat(296) + ".txt";
        List<String[]> cases = List.of(
                new String[] {"filename=\"../../etc/passwd\"", "passwd"},
                new String[] {"filename=\"..\\\\..\\\\boot.ini\"", "boot.ini"},
                new String[] {"filename=\"/tmp/../../root/.ssh/authorized_keys\"", "authorized_keys"},
                new String[] {"filename*=UTF-8''ev%07id%0Aen%1Bce%09.txt", "evidence.txt"},
                new String[] {"filename=\"tab\there.csv\"", "tabhere.csv"},
                new String[] {"filename=\"..\"", "evidence"},
                new String[] {"filename=\"" + longName + "\"", longName.substring(longName.length() - 200)});
        List<String> stored = new ArrayList<>();
        for (String[] c : cases) {
            Multipart m = Multipart.of(Map.of("control", List.of("VC-IAM-03"), "from", List.of("2026-01-01"), "to", List.of("2026-03-31")),
                    c[0], ("content of " + c[1]).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = upload(m);
            assertThat(r.statusCode()).as(c[0] + ": " + r.body()).isEqualTo(201);
            String name = JSON.readTree(r.body()).path("name").asText();
            assertThat(name).as(c[0]).isEqualTo(c[1]);
            stored.add(name);
        }
        // the page takes the same path
        editor.get("/evidence");
        HttpResponse<String> page = editor.send(Multipart.of(Map.of("control", List.of("VC-IAM-03"), "from", List.of("2026-01-01"),
                "to", List.of("2026-03-31"), "_csrf", List.of(editor.lastCsrf)), "filename=\"../../../etc/shadow\"",
                "x".getBytes(StandardCharsets.UTF_8)).post(f.base + "/evidence").build());
        assertThat(ServerFixture.location(page)).isEqualTo("/evidence");
        assertThat(editor.get("/evidence").body()).contains("Recorded shadow as vault entry");
        stored.add("shadow");

        List<String> listed = new ArrayList<>();
        JSON.readTree(f.api("GET", "/api/v1/evidence", token, null).body()).forEach(e -> {
            if (e.path("kind").asText().equals("evidence.manual")) {
                listed.add(e.path("name").asText());
            }
        });
        assertThat(listed).containsAll(stored).allSatisfy(n -> assertThat(n).doesNotContain("/", "\\", "\n", "\u0007").hasSizeLessThanOrEqualTo(200));
        assertThat(filesOutsideVault()).as("no file appeared outside the vault").isEqualTo(outside);
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.map(p -> p.getFileName().toString())).doesNotContain("passwd", "boot.ini", "shadow", "authorized_keys");
        }
    }

    @Test
    void anUnknownControlIs400NamingItAndRecordsNothing() throws Exception {
        editor.get("/evidence");
        ServerState before = ServerState.of(f);
        HttpResponse<String> api = upload(Multipart.evidence("VC-NOPE-99", "policy.pdf", "x".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(api.statusCode()).isEqualTo(400);
        JsonNode p = JSON.readTree(api.body());
        assertThat(p.path("detail").asText()).contains("control", "VC-NOPE-99");
        HttpResponse<String> page = editor.send(Multipart.evidence("VC-NOPE-99", "policy.pdf", "x".getBytes(StandardCharsets.UTF_8),
                Map.of("_csrf", editor.lastCsrf)).post(f.base + "/evidence").build());
        assertThat(ServerFixture.location(page)).isEqualTo("/evidence");
        assertThat(editor.get("/evidence").body()).contains("VC-NOPE-99");
        assertThat(ServerState.of(f)).isEqualTo(before);
    }

    static HttpResponse<String> upload(Multipart m) {
        return ApiCalls.send(m.post(f.base + "/api/v1/evidence").header("Authorization", "Bearer " + token).build());
    }

    /** Every file in the test's folder except the vault's and the database's (which change with every write). */
    static List<String> filesOutsideVault() throws IOException {
        Path vault = f.workspace.resolve(".vouch").resolve("vault");
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.startsWith(vault))
                    .filter(p -> !p.getFileName().toString().startsWith("vouch.db"))
                    .map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
