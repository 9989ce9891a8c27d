package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import dev.vouch.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Admins manage accounts through the API; the person running the server recovers one with vouch users. */
class UserAdminTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static ServerFixture f;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
        f.user("root", Role.ADMIN, Optional.empty(), Optional.empty());
        f.user("ann", Role.ADMIN, Optional.empty(), Optional.empty());
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void adminCreatesChangesAndDisablesAccounts() throws Exception {
        String root = f.token("root", TokenScope.READ_WRITE);
        HttpResponse<String> made = f.api("POST", "/api/v1/users", root, "{\"username\":\"Ed\",\"displayName\":\"Ed Itor\",\"role\":\"editor\","
                + "\"password\":\"" + ServerFixture.PASSWORD + "\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode ed = JSON.readTree(made.body());
        assertThat(ed.path("username").asText()).isEqualTo("ed");
        assertThat(made.body()).doesNotContain("argon2").doesNotContain(ServerFixture.PASSWORD);
        long id = ed.path("id").asLong();
        String edToken = f.token("ed", TokenScope.READ_WRITE);
        assertThat(f.api("GET", "/api/v1/users", edToken, null).statusCode()).isEqualTo(403);

        HttpResponse<String> noWindow = f.api("POST", "/api/v1/users/" + id + "/role", root, "{\"role\":\"auditor\"}");
        assertThat(noWindow.statusCode()).isEqualTo(400);
        assertThat(noWindow.body()).contains("window");
        HttpResponse<String> auditor = f.api("POST", "/api/v1/users/" + id + "/role", root,
                "{\"role\":\"auditor\",\"windowFrom\":\"2026-01-01\",\"windowTo\":\"2026-06-30\"}");
        assertThat(JSON.readTree(auditor.body()).path("role").asText()).isEqualTo("auditor");
        assertThat(JSON.readTree(auditor.body()).path("windowTo").asText()).startsWith("2026-06-30T23:59:59");
        // the token of an account now an auditor writes no more
        assertThat(f.api("POST", "/api/v1/scans", edToken, null).statusCode()).isEqualTo(403);

        assertThat(f.api("POST", "/api/v1/users/" + id + "/password", root, "{\"password\":\"short\"}").body()).contains("12 characters");
        assertThat(f.api("POST", "/api/v1/users/" + id + "/password", root, "{\"password\":\"another long passphrase here\"}").statusCode())
                .isEqualTo(200);

        assertThat(f.api("POST", "/api/v1/users/" + id + "/disable", root, null).statusCode()).isEqualTo(200);
        assertThat(f.api("GET", "/api/v1/me", edToken, null).statusCode()).isEqualTo(401);
        long rootId = f.accounts().byUsername("root").orElseThrow().id();
        assertThat(f.api("POST", "/api/v1/users/" + rootId + "/disable", root, null).statusCode()).isEqualTo(400); // not oneself

        long annId = f.accounts().byUsername("ann").orElseThrow().id();
        assertThat(f.api("POST", "/api/v1/users/" + annId + "/reset-mfa", root, null).statusCode()).isEqualTo(200);
        ServerFixture.Browser b = f.browser();
        assertThat(ServerFixture.location(b.signIn("ann", Optional.empty()))).isEqualTo("/login/enrol");

        JsonNode audit = JSON.readTree(f.api("GET", "/api/v1/audit", root, null).body());
        assertThat(audit.findValuesAsText("action")).contains("account.create", "account.role", "account.password.set",
                "account.disable", "account.mfa.reset");
    }

    @Test
    void vouchUsersRecoversAnAccountFromTheWorkspace() {
        String ws = f.workspace.toString();
        Run list = run(null, "users", "list", "-w", ws);
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("root", "admin", "on");
        assertThat(run(null, "users", "reset-mfa", "root", "-w", ws).out()).contains("root: authenticator reset");
        assertThat(f.accounts().byUsername("root").orElseThrow().mfaEnabled()).isFalse();
        Run weak = run("short\n", "users", "set-password", "root", "-w", ws);
        assertThat(weak.exit()).isEqualTo(2);
        assertThat(weak.err()).contains("at least 12");
        assertThat(run("a brand new passphrase\n", "users", "set-password", "root", "-w", ws).out()).contains("password set");
        assertThat(run(null, "users", "disable", "nobody", "-w", ws).err()).contains("no account 'nobody'");
        String root = f.token("root", TokenScope.READ);
        assertThat(f.api("GET", "/api/v1/audit", root, null).body()).contains("cli:");
        f.user("root2", Role.ADMIN, Optional.empty(), Optional.empty());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        InputStream before = System.in;
        if (stdin != null) {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return new Run(cl.execute(args), out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }
}
