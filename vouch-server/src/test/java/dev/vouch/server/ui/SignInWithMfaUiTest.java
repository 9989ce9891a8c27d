package dev.vouch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import dev.vouch.auth.Totp;
import dev.vouch.server.AccountService;
import dev.vouch.server.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first run as a new admin walks it in a browser: set-up code, account, authenticator, sign out, sign in with a code. */
class SignInWithMfaUiTest extends BrowserTest {

    @Test
    void firstRunSetupEnrolSignOutAndSignInWithCode() throws Exception {
        Path codeFile = f.bean(AccountService.class).prepareSetup().orElseThrow();
        page.navigate("/");
        assertThat(page.url()).as("a new server sends to first-run set-up").isEqualTo(f.base + "/setup");
        look("01-setup");

        page.getByLabel("Set-up code").fill(Files.readString(codeFile).strip());
        page.getByLabel("User name").fill("alice");
        page.getByLabel("Full name").fill("Alice Admin");
        page.locator("#password").fill(ServerFixture.PASSWORD);
        page.getByLabel("Password again").fill(ServerFixture.PASSWORD);
        go(button("Create admin"));
        assertThat(page.url()).as("an admin enrols an authenticator first").isEqualTo(f.base + "/login/enrol");
        assertThat(codeFile).as("the set-up code is used up").doesNotExist();
        look("02-enrol");

        String key = text("#secret").replace(" ", "");
        assertThat(page.locator("#otpauth").getAttribute("href")).startsWith("otpauth://totp/").contains("secret=" + key);
        page.getByLabel("Code from the app").fill(Totp.codeAt(key, Instant.now()));
        go(button("Turn on and sign in"));
        assertThat(page.url()).isEqualTo(f.base + "/");
        assertThat(text("h1")).isEqualTo("No scan yet");
        assertThat(text("header.top .who")).contains("alice", "admin");
        look("03-dashboard");

        go(button("Sign out"));
        assertThat(page.url()).isEqualTo(f.base + "/login?signedout");
        assertThat(text("[role=status]")).isEqualTo("You are signed out.");
        look("04-signed-out");
        page.navigate("/");
        assertThat(page.url()).as("the session ended").isEqualTo(f.base + "/login");

        page.getByLabel("User name").fill("alice");
        page.getByLabel("Password").fill(ServerFixture.PASSWORD);
        go(button("Sign in"));
        assertThat(page.url()).as("the password alone is not enough").isEqualTo(f.base + "/login/totp");
        look("05-code");

        page.getByLabel("Code").fill(wrongCode(key));
        Response refused = go(button("Verify"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(text("[role=alert]")).contains("The code is not right");
        look("06-wrong-code");

        // the step after the enrolment code's: a code the server has not seen used
        page.getByLabel("Code").fill(Totp.codeAt(key, Instant.now().plus(Duration.ofSeconds(Totp.STEP_SECONDS))));
        go(button("Verify"));
        assertThat(page.url()).isEqualTo(f.base + "/");
        assertThat(text("header.top .who")).contains("alice");
        look("07-signed-in");

        Cookie session = context.cookies().stream().filter(c -> c.name.equals("VOUCH_SESSION")).findFirst().orElseThrow();
        assertThat(session.httpOnly).as("session cookie HttpOnly").isTrue();
        assertThat(session.sameSite).isEqualTo(SameSiteAttribute.STRICT);
        assertThat((String) page.evaluate("() => document.cookie")).as("script cannot read the session").doesNotContain("VOUCH_SESSION")
                .doesNotContain(session.value);
    }

    /** Six digits that are no valid code from a step ago to two steps ahead. */
    private static String wrongCode(String key) {
        Instant now = Instant.now();
        Set<String> valid = Set.copyOf(List.of(-1, 0, 1, 2).stream()
                .map(i -> Totp.codeAt(key, now.plusSeconds(i * Totp.STEP_SECONDS))).toList());
        int n = 123456;
        while (valid.contains(String.format("%06d", n))) {
            n = (n + 111111) % 1_000_000;
        }
        return String.format("%06d", n);
    }
}
