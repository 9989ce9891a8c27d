package dev.vouch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.vouch.auth.Totp;
import dev.vouch.server.ServerFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server (one per test class, on a copy of examples/acme) and Debian's Chromium driven by Playwright, with a
 * fresh browser context (no cookies) per test. {@link #look} saves a full-page screenshot of the page in
 * {@code target/screenshots/<test>-<step>.png} and checks the basics of accessibility and the Content-Security-Policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SHOTS = Path.of("target", "screenshots");
    static final ObjectMapper JSON = new ObjectMapper();
    /** Finding a page's accessibility problems: lang, one h1, labelled fields, named images and charts, named controls. */
    private static final String A11Y = """
            () => {
              const p = [];
              if (!document.documentElement.lang) p.push('<html> has no lang');
              if (!document.title.trim()) p.push('no <title>');
              const h1 = document.querySelectorAll('h1').length;
              if (h1 !== 1) p.push(h1 + ' <h1> elements (want 1)');
              if (document.querySelectorAll('main').length !== 1) p.push('not exactly one <main>');
              for (const el of document.querySelectorAll('input, select, textarea')) {
                if (['hidden', 'submit', 'button', 'reset'].includes(el.type)) continue;
                const named = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
                if (!named) p.push('field without a label: ' + el.outerHTML.slice(0, 100));
              }
              for (const img of document.querySelectorAll('img')) {
                if (!img.hasAttribute('alt')) p.push('image without alt: ' + img.outerHTML.slice(0, 100));
              }
              for (const svg of document.querySelectorAll('svg')) {
                if (svg.closest('[aria-hidden="true"]') || svg.parentElement.closest('svg')) continue;
                const name = svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby');
                if (svg.getAttribute('role') !== 'img' || !name || !name.trim()) p.push('chart without role=img and a name: ' + svg.outerHTML.slice(0, 100));
              }
              for (const c of document.querySelectorAll('a[href], button')) {
                if (!c.textContent.trim() && !c.getAttribute('aria-label')) p.push('control without a name: ' + c.outerHTML.slice(0, 100));
              }
              return p;
            }""";
    protected ServerFixture f;
    private Playwright playwright;
    private Browser browser;
    protected BrowserContext context;
    protected Page page;
    private String test;
    private final List<String> cspViolations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> brokenResources = Collections.synchronizedList(new ArrayList<>());
    private final List<String> looked = new ArrayList<>();

    @BeforeAll
    void startServerAndBrowser(@TempDir Path dir) throws Exception {
        requireChromium();
        f = ServerFixture.start(dir);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu")));
        Files.createDirectories(SHOTS);
        prepare();
    }

    /** What the class needs before its tests (users, scans); runs once, after the server started. */
    void prepare() throws Exception {
    }

    /** The Chromium of the system: missing is a failure on CI (which installs it), a skipped test elsewhere. */
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        if (System.getenv("CI") != null) {
            Assertions.fail(CHROMIUM + " is missing: CI must install Debian's chromium package for the UI tests");
        }
        Assumptions.abort(CHROMIUM + " is missing: UI tests skipped (apt-get install chromium to run them)");
    }

    @BeforeEach
    void openContext(TestInfo info) {
        test = info.getTestMethod().orElseThrow().getName();
        cspViolations.clear();
        brokenResources.clear();
        looked.clear();
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL(f.base).setViewportSize(1280, 800)
                .setLocale("en-GB").setTimezoneId("UTC"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                cspViolations.add(m.text());
            }
        });
        page.onResponse(r -> {
            String type = r.request().resourceType();
            if (r.status() >= 400 && !type.equals("document") && !type.equals("fetch") && !type.equals("xhr")) {
                brokenResources.add(r.status() + " " + type + " " + r.url());
            }
        });
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (f != null) {
            f.close();
        }
    }

    /**
     * Saves a full-page screenshot as {@code target/screenshots/<test>-<step>.png} and checks the page: basic
     * accessibility, and nothing refused by the Content-Security-Policy (no inline style or script slipped in).
     */
    void look(String step) {
        page.waitForLoadState();
        Path shot = SHOTS.resolve(test + "-" + step + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        looked.add(shot.getFileName().toString());
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) page.evaluate(A11Y);
        assertThat(problems).as("accessibility of %s (%s)", page.url(), shot).isEmpty();
        assertThat(cspViolations).as("Content-Security-Policy violations up to %s", page.url()).isEmpty();
        assertThat(brokenResources).as("stylesheets, images or scripts that failed to load up to %s", page.url()).isEmpty();
        assertThat(page.evaluate("() => document.styleSheets.length")).as("stylesheet of %s", page.url()).isEqualTo(1);
    }

    /** Clicks {@code l} and waits until the page it leads to has loaded; returns that page's response. */
    com.microsoft.playwright.Response go(com.microsoft.playwright.Locator l) {
        return page.waitForNavigation(l::click);
    }

    /** The button named exactly {@code name}. */
    com.microsoft.playwright.Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Signs in through the pages: password, then (for accounts with an authenticator) the current code. */
    void signIn(String username, Optional<String> totpSecret) {
        page.navigate("/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(ServerFixture.PASSWORD);
        go(button("Sign in"));
        if (totpSecret.isPresent()) {
            assertThat(page.url()).endsWith("/login/totp");
            page.getByLabel("Code").fill(Totp.codeAt(totpSecret.get(), Instant.now()));
            go(button("Verify"));
        }
        assertThat(page.url()).as("signed in as %s", username).isEqualTo(f.base + "/");
    }

    /** An API answer as JSON, asserting the status. */
    JsonNode api(String path, String token) {
        HttpResponse<String> r = f.api("GET", path, token, null);
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text of the first element matching {@code selector}, trimmed. */
    String text(String selector) {
        return page.locator(selector).first().innerText().strip();
    }

    /** The number at the start of {@code s} ("42 findings" → 42). */
    static int leadingInt(String s) {
        return Integer.parseInt(s.strip().split("\\D", 2)[0]);
    }
}
