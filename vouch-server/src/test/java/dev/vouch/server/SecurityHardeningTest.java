package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the security review asked for: no vault writes by strangers, sessions that end when credentials change, etc. */
class SecurityHardeningTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static ServerFixture f;

    @BeforeAll
    static void start() {
        f = ServerFixture.start(dir);
        f.user("root", Role.ADMIN, Optional.empty(), Optional.empty());
        f.user("erin", Role.EDITOR, Optional.empty(), Optional.empty());
        f.user("pat", Role.EDITOR, Optional.empty(), Optional.empty());
        f.user("fiona", Role.AUDITOR, Optional.of(Instant.now().plusSeconds(86_400 * 30)), Optional.of(Instant.now().plusSeconds(86_400 * 60)));
        f.scan();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static long vaultSize() throws Exception {
        return f.bean(WorkspaceContext.class).vault().newestCheckpointSize();
    }

    @Test
    void signInFailuresOfUnknownNamesDoNotWriteTheVaultAndDoNotRebuildTheDashboard() throws Exception {
        DashboardService dashboard = f.bean(DashboardService.class);
        VouchUser viewer = new VouchUser(0, "x", Role.VIEWER, Optional.empty(), Optional.empty(), Optional.empty(), false);
        DashboardService.Prepared before = dashboard.prepared(viewer).orElseThrow();
        long size = vaultSize();
        ServerFixture.Browser b = f.browser();
        b.get("/login");
        b.post("/login", Map.of("username", "nobody-" + size, "password", "whatever it is"));
        b.post("/login", Map.of("username", "correct horse battery staple", "password", "x")); // a password typed as a name
        assertThat(vaultSize()).isEqualTo(size);
        b.post("/login", Map.of("username", "erin", "password", "wrong password for erin"));
        assertThat(vaultSize()).isEqualTo(size + 1);                     // a known account's failure is recorded
        assertThat(f.api("GET", "/api/v1/audit", f.token("root", TokenScope.READ), null).body())
                .doesNotContain("nobody-").doesNotContain("correct horse");
        dashboard.changed();
        assertThat(dashboard.prepared(viewer).orElseThrow()).isSameAs(before); // audit entries change no score
    }

    @Test
    void aPasswordResetEndsTheOtherSessionsAndAPromotionEndsSessionsWithoutSecondFactor() throws Exception {
        ServerFixture.Browser erin = f.browser();
        assertThat(ServerFixture.location(erin.signIn("erin", Optional.empty()))).isEqualTo("/");
        assertThat(erin.get("/").statusCode()).isEqualTo(200);
        String root = f.token("root", TokenScope.READ_WRITE);
        long erinId = f.accounts().byUsername("erin").orElseThrow().id();
        assertThat(f.api("POST", "/api/v1/users/" + erinId + "/password", root, "{\"password\":\"a brand new passphrase here\"}").statusCode())
                .isEqualTo(200);
        SchedulingWorkspace.await("erin's old session to end", () -> "/login".equals(ServerFixture.location(erin.get("/"))));

        ServerFixture.Browser pat = f.browser();
        pat.signIn("pat", Optional.empty());
        String patToken = f.token("pat", TokenScope.READ_WRITE);
        long patId = f.accounts().byUsername("pat").orElseThrow().id();
        assertThat(f.api("POST", "/api/v1/users/" + patId + "/role", root, "{\"role\":\"admin\"}").statusCode()).isEqualTo(200);
        assertThat(f.api("GET", "/api/v1/me", patToken, null).statusCode()).isEqualTo(401); // tokens from before are revoked
        SchedulingWorkspace.await("pat's password-only session to end", () -> "/login".equals(ServerFixture.location(pat.get("/"))));
    }

    @Test
    void tokensCannotMintTokensAndEvidenceCannotCoverTheFuture() throws Exception {
        String rw = f.token("root", TokenScope.READ_WRITE);
        assertThat(f.api("POST", "/api/v1/me/tokens", rw, "{\"name\":\"more\",\"scope\":\"read-write\"}").statusCode()).isEqualTo(403);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Multipart m = Multipart.evidence("VC-GOV-01", "policy.txt", "approved".getBytes(), Map.of("from", today.toString(),
                "to", today.plusDays(30).toString()));
        HttpResponse<String> r = ApiCalls.send(m.post(f.base + "/api/v1/evidence").header("Authorization", "Bearer " + rw).build());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("after today");
    }

    @Test
    void anAuditorWhoseWindowHasNotBegunSeesNoScan() {
        String t = f.token("fiona", TokenScope.READ);
        assertThat(f.api("GET", "/api/v1/dashboard", t, null).statusCode()).isEqualTo(404);
        assertThat(f.api("GET", "/api/v1/scans", t, null).body()).isEqualTo("[]");
    }

    @Test
    void wrongGuessesFromElsewhereDoNotLockTheOwnerOut() throws Exception {
        f.user("olga", Role.VIEWER, Optional.empty(), Optional.empty());
        AccountService accounts = f.bean(AccountService.class);
        java.net.InetAddress attacker = java.net.InetAddress.getByName("198.51.100.7");
        java.net.InetAddress owner = java.net.InetAddress.getByName("192.0.2.10");
        for (int i = 0; i < 6; i++) {
            accounts.checkPassword("olga", "guess number " + i, attacker);
        }
        assertThat(accounts.checkPassword("olga", ServerFixture.PASSWORD, attacker)).isInstanceOf(AccountService.SignIn.Refused.class)
                .extracting(r -> ((AccountService.SignIn.Refused) r).message()).asString().startsWith("Too many");
        assertThat(accounts.checkPassword("olga", ServerFixture.PASSWORD, owner)).isInstanceOf(AccountService.SignIn.Verified.class);
    }
}
