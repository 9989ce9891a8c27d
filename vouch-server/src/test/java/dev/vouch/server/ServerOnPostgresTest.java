package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server with its database in PostgreSQL (a real server): first admin, a scan, the dashboard, accounts kept there. */
class ServerOnPostgresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void firstRunScanAndApiOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE vouch");
            }
            Path ws = ServerFixture.copyExample(dir.resolve("ws"));
            Files.writeString(ws.resolve("vouch.yaml"), Files.readString(ws.resolve("vouch.yaml")) + "database: "
                    + pg.getJdbcUrl("postgres", "vouch") + "\n");
            try (ServerFixture f = ServerFixture.start(ServerSettings.forTest(ws, Clock.systemUTC()))) {
                AccountService accounts = f.bean(AccountService.class);
                String code = Files.readString(accounts.prepareSetup().orElseThrow()).strip();
                ServerFixture.Browser b = f.browser();
                b.get("/setup");
                HttpResponse<String> made = b.post("/setup", Map.of("code", code, "username", "alice", "password",
                        ServerFixture.PASSWORD, "confirm", ServerFixture.PASSWORD));
                assertThat(ServerFixture.location(made)).isEqualTo("/login/enrol");
                HttpResponse<String> page = b.get("/login/enrol");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"secret\">([^<]+)<").matcher(page.body());
                assertThat(m.find()).isTrue();
                String secret = m.group(1).replace(" ", "");
                // kept in PostgreSQL sealed with the server's key, never in clear
                String stored = f.accounts().byId(1).orElseThrow().totpSecret().orElseThrow();
                assertThat(stored).startsWith("v1:").doesNotContain(secret);
                HttpResponse<String> on = b.post("/login/enrol", Map.of("code", dev.vouch.auth.Totp.codeAt(secret, Instant.now())));
                assertThat(ServerFixture.location(on)).isEqualTo("/");

                assertThat(f.scan().getState()).isEqualTo("succeeded");
                String token = f.token("alice", TokenScope.READ);
                JsonNode d = JSON.readTree(f.api("GET", "/api/v1/dashboard", token, null).body());
                assertThat(d.path("organization").asText()).isEqualTo("Acme Analytics, Inc.");
                assertThat(d.path("scanId").asLong()).isEqualTo(1);
                assertThat(f.api("GET", "/api/v1/settings", token, null).body()).contains("jdbc:postgresql://").doesNotContain("user=");
                f.user("carol", Role.AUDITOR, Optional.of(Instant.parse("2020-01-01T00:00:00Z")), Optional.of(Instant.parse("2020-12-31T00:00:00Z")));
            }
            assertThat(Files.exists(ws.resolve(".vouch/vouch.db"))).isFalse();
            try (Connection c = pg.getDatabase("postgres", "vouch").getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT username, role, mfa_enabled FROM account ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("alice");
                assertThat(rs.getString(2)).isEqualTo("ADMIN");
                assertThat(rs.getInt(3)).isEqualTo(1);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("carol");
            }
        }
    }
}
