package dev.vouch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.PlaywrightException;
import dev.vouch.auth.TokenScope;
import dev.vouch.server.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An editor starts a scan from the dashboard and watches its job page until it is done. */
class RunScanUiTest extends BrowserTest {
    private static final List<String> DONE = List.of("succeeded", "incomplete", "failed");

    @Override
    void prepare() {
        f.user("ed", Role.EDITOR, Optional.empty(), Optional.empty());
    }

    @Test
    void runAScanFromTheDashboardAndWatchItsJob() {
        signIn("ed", Optional.empty());
        assertThat(text("h1")).isEqualTo("No scan yet");
        look("01-no-scan");

        AtomicInteger loads = new AtomicInteger();
        page.onLoad(p -> loads.incrementAndGet());
        go(button("Run a scan now"));
        assertThat(page.url()).matches(".*/scans/jobs/\\d+$");
        String firstState = text("#state");
        boolean refreshes = page.locator("meta[http-equiv=refresh]").count() == 1;
        assertThat(refreshes).as("a job page refreshes while, and only while, the job is not done (state %s)", firstState)
                .isEqualTo(!DONE.contains(firstState));
        look("02-job-started");

        String state = waitUntilDone();
        assertThat(state).isEqualTo("succeeded");
        if (!DONE.contains(firstState)) {
            assertThat(loads.get()).as("the page reloaded itself until the job was done").isGreaterThan(1);
        }
        assertThat(page.locator("meta[http-equiv=refresh]").count()).as("a finished job stops refreshing").isZero();
        String log = text("#log");
        assertThat(log).as("collection lines").contains("terraform", "resources");
        look("03-job-done");

        go(page.locator("main a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Back to the dashboard")));
        JsonNode d = api("/api/v1/dashboard", f.token("ed", TokenScope.READ));
        assertThat(text("main .sub")).contains("Scan #" + d.path("scanId").asLong());
        assertThat(text("#overall")).isEqualTo(String.format(Locale.ROOT, "%.1f", d.path("overall").asDouble()));
        look("04-dashboard");

        page.navigate("/scans");
        List<String> jobs = page.locator("main table").first().locator("tbody tr").allInnerTexts();
        assertThat(jobs).singleElement().asString().contains("ed", "succeeded");
        look("05-scans");
    }

    /** Reads the job's state as the page refreshes itself, until it is final (generous deadline, no timing assertion). */
    private String waitUntilDone() {
        long until = System.currentTimeMillis() + 180_000;
        List<String> seen = new ArrayList<>();
        while (System.currentTimeMillis() < until) {
            try {
                String s = page.locator("#state").innerText().strip();
                seen.add(s);
                if (DONE.contains(s)) {
                    return s;
                }
            } catch (PlaywrightException reloading) {
                // the page was replaced while being read: read the new one
            }
            page.waitForTimeout(250);
        }
        throw new AssertionError("the job page never showed a final state; saw " + seen);
    }
}
