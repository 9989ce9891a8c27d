package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.Totp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole first run — set-up code, admin password, authenticator enrolment, tokens made and used, wrong passwords,
 * an auditor signing in — with everything the process writes to stdout and stderr captured (slf4j-simple writes to
 * System.err when it logs; JDK logging is bridged to it): no secret may appear there, nor in the vault's audit trail.
 */
class NoSecretsInLogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("vouch_([a-z2-7]{8})_([a-z2-7]{52})");
    private static final String ADMIN_PW = "Zebra-admin-pass-phrase-4711";
    private static final String EDITOR_PW = "Quokka-editor-pass-phrase-0815";
    private static final String AUDITOR_PW = "Narwhal-auditor-pass-phrase-2342";
    private static final List<String> WRONG_PW = List.of("Wombat-wrong-guess-one", "Axolotl-wrong-guess-two", "Pangolin-wrong-guess-three");
    @TempDir
    Path dir;

    /** Everything that must never be written anywhere but to its owner. */
    private final Set<String> secrets = new LinkedHashSet<>();
    /** Six-digit codes: matched as whole numbers (a temporary folder's name may hold any digits). */
    private final Set<String> codes = new LinkedHashSet<>();

    @Test
    void noSecretReachesTheLogOrTheAuditTrail() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        PrintStream out = System.out;
        System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        List<JsonNode> audit;
        Path ws;
        try (ServerFixture f = ServerFixture.start(dir)) {
            ws = f.workspace;
            audit = walkThrough(f);
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the capture saw the server's audit lines").contains("AuditTrail", "signin", "token.create", "account.create",
                "signin.password", "(failed)");
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(12);
        assertNoSecret(log, "captured stdout/stderr");

        assertThat(audit).extracting(a -> a.path("action").asText()).contains("signin", "signin.password", "account.create",
                "account.mfa.enrol", "token.create", "token.revoke", "signin.totp");
        assertNoSecret(JSON.writeValueAsString(audit), "GET /api/v1/audit");
        try (Stream<Path> files = Files.walk(ws.resolve(".vouch").resolve("vault"))) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertNoSecret(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), "vault file " + p);
            }
        }
    }

    /** Drives the first run over HTTP and returns the audit trail as the admin reads it. */
    private List<JsonNode> walkThrough(ServerFixture f) throws IOException {
        Path codeFile = f.bean(AccountService.class).prepareSetup().orElseThrow();
        String setupCode = Files.readString(codeFile).strip();
        secrets.add(setupCode);
        secrets.addAll(List.of(ADMIN_PW, EDITOR_PW, AUDITOR_PW));
        secrets.addAll(WRONG_PW);

        ServerFixture.Browser admin = f.browser();
        admin.get("/setup");
        String wrongCode = "aaaabbbbccccddddeeeeffff";
        secrets.add(wrongCode);
        assertThat(admin.post("/setup", Map.of("code", wrongCode, "username", "alice", "password", ADMIN_PW, "confirm", ADMIN_PW))
                .statusCode()).isEqualTo(400);
        assertThat(ServerFixture.location(admin.post("/setup", Map.of("code", setupCode, "username", "alice", "password", ADMIN_PW,
                "confirm", ADMIN_PW)))).isEqualTo("/login/enrol");
        Matcher m = Pattern.compile("id=\"secret\">([^<]+)<").matcher(admin.get("/login/enrol").body());
        assertThat(m.find()).isTrue();
        String totp = m.group(1).replace(" ", "");
        secrets.add(totp);
        secrets.add(m.group(1));
        String enrolCode = Totp.codeAt(totp, Instant.now());
        codes.add(enrolCode);
        assertThat(ServerFixture.location(admin.post("/login/enrol", Map.of("code", enrolCode)))).isEqualTo("/");

        // tokens made on the page, used on the API, one revoked
        admin.get("/account");
        admin.post("/account/tokens", Map.of("name", "CI pipeline", "scope", "read-write"));
        String pageToken = token(admin.get("/account").body());
        // a token cannot mint another (a leaked one would outlive its revocation): the second is made on the page too
        HttpResponse<String> made = f.api("POST", "/api/v1/me/tokens", pageToken, "{\"name\":\"backup job\",\"scope\":\"read\"}");
        assertThat(made.statusCode()).isEqualTo(403);
        admin.get("/account");
        admin.post("/account/tokens", Map.of("name", "backup job", "scope", "read"));
        String apiToken = token(admin.get("/account").body());
        assertThat(f.api("GET", "/api/v1/me", apiToken, null).statusCode()).isEqualTo(200);
        assertThat(f.api("DELETE", "/api/v1/me/tokens/" + TOKEN.matcher(apiToken).results().findFirst().orElseThrow().group(1), pageToken,
                null).statusCode()).isEqualTo(204);
        assertThat(f.api("GET", "/api/v1/me", apiToken, null).statusCode()).as("revoked").isEqualTo(401);
        assertThat(f.api("GET", "/api/v1/me", pageToken.substring(0, 20) + "x".repeat(46), null).statusCode()).isEqualTo(401);

        assertThat(f.api("POST", "/api/v1/users", pageToken, "{\"username\":\"bob\",\"role\":\"editor\",\"password\":\"" + EDITOR_PW + "\"}")
                .statusCode()).isEqualTo(201);
        assertThat(f.api("POST", "/api/v1/users", pageToken, "{\"username\":\"carol\",\"role\":\"auditor\",\"password\":\"" + AUDITOR_PW
                + "\",\"windowFrom\":\"2026-01-01\",\"windowTo\":\"2026-06-30\"}").statusCode()).isEqualTo(201);

        // wrong passwords (known and unknown users), then the right ones
        ServerFixture.Browser other = f.browser();
        other.get("/login");
        assertThat(other.post("/login", Map.of("username", "bob", "password", WRONG_PW.get(0))).statusCode()).isEqualTo(401);
        assertThat(other.post("/login", Map.of("username", "alice", "password", WRONG_PW.get(1))).statusCode()).isEqualTo(401);
        assertThat(other.post("/login", Map.of("username", "nobody", "password", WRONG_PW.get(2))).statusCode()).isEqualTo(401);
        assertThat(ServerFixture.location(other.post("/login", Map.of("username", "carol", "password", AUDITOR_PW)))).isEqualTo("/");
        ServerFixture.Browser bob = f.browser();
        bob.get("/login");
        assertThat(ServerFixture.location(bob.post("/login", Map.of("username", "bob", "password", EDITOR_PW)))).isEqualTo("/");

        // the admin again: a wrong code, then a fresh one
        ServerFixture.Browser again = f.browser();
        again.get("/login");
        assertThat(ServerFixture.location(again.post("/login", Map.of("username", "alice", "password", ADMIN_PW)))).isEqualTo("/login/totp");
        again.get("/login/totp");
        String wrongTotp = Totp.codeAt(totp, Instant.now().plusSeconds(600));
        codes.add(wrongTotp);
        assertThat(again.post("/login/totp", Map.of("code", wrongTotp)).statusCode()).isEqualTo(401);
        String next = Totp.codeAt(totp, Instant.now().plusSeconds(Totp.STEP_SECONDS));
        codes.add(next);
        assertThat(ServerFixture.location(again.post("/login/totp", Map.of("code", next)))).isEqualTo("/");

        for (String t : List.of(pageToken, apiToken)) {
            secrets.add(t);
            secrets.add(TOKEN.matcher(t).results().findFirst().orElseThrow().group(2));
        }
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(f.api("GET", "/api/v1/audit?limit=5000", pageToken, null).body()).forEach(rows::add);
        return rows;
    }

    private static String token(String text) {
        Matcher m = TOKEN.matcher(text);
        assertThat(m.find()).as("a token in: " + text.substring(0, Math.min(300, text.length()))).isTrue();
        return m.group();
    }

    private void assertNoSecret(String text, String where) {
        for (String s : secrets) {
            assertThat(text).as(where + " holds a secret").doesNotContain(s);
        }
        for (String c : codes) {
            assertThat(Pattern.compile("(?<![0-9])" + c + "(?![0-9])").matcher(text).find()).as(where + " holds a TOTP code").isFalse();
        }
    }

    /** Writes to the original stream and to the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            a.flush();
        }
    }
}
