package dev.vouch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.server.Role;
import dev.vouch.server.ScanJobs;
import dev.vouch.server.WorkspaceContext;
import dev.vouch.store.ScanSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Auditors read, never write, and see only their window. Two scans are made; the window of {@code carol} ends between
 * them (so she sees scan 1 only, whatever the times were), and {@code dave}'s window is a past year without any scan.
 */
class AuditorReadOnlyUiTest extends BrowserTest {
    /** Tries each write from the page, with the page's own CSRF token, and returns the statuses. */
    private static final String TRY_WRITES = """
            async () => {
              const csrf = document.querySelector('input[name=_csrf]').value;
              const form = (o) => { const b = new URLSearchParams(o); b.append('_csrf', csrf); return b; };
              const upload = new FormData();
              upload.append('file', new Blob(['%PDF-1.4'], {type: 'application/pdf'}), 'x.pdf');
              upload.append('control', 'VC-BCP-04'); upload.append('from', '2020-01-01'); upload.append('to', '2020-01-31');
              upload.append('_csrf', csrf);
              const post = async (url, body, headers) => (await fetch(url, {method: 'POST', body, headers, redirect: 'manual'})).status;
              return {
                scan: await post('/scans/run', form({})),
                upload: await post('/evidence', upload),
                user: await post('/settings/users', form({username: 'mallory', role: 'admin', password: 'a long enough password'})),
                apiScan: await post('/api/v1/scans', null, {'X-CSRF-TOKEN': csrf}),
                // a write auditors may do: proves the token itself is accepted (a redirect back to the account page)
                ownPassword: await post('/account/password', form({current: 'wrong', password: 'x', confirm: 'y'}))
              };
            }""";
    private ScanSummary first;
    private ScanSummary second;
    private Instant carolTo;

    @Override
    void prepare() {
        f.scan();
        first = scans().get(0);
        carolTo = first.finishedAt().plusMillis(1);
        while (!Instant.now().isAfter(carolTo)) {
            Thread.onSpinWait();
        }
        f.scan();
        second = scans().get(1);
        assertThat(second.finishedAt()).as("the second scan ends after carol's window").isAfter(carolTo);
        f.user("carol", Role.AUDITOR, Optional.of(first.finishedAt().minus(Duration.ofDays(30))), Optional.of(carolTo));
        f.user("dave", Role.AUDITOR, Optional.of(Instant.parse("2020-01-01T00:00:00Z")), Optional.of(Instant.parse("2020-12-31T23:59:59Z")));
    }

    private List<ScanSummary> scans() {
        return f.bean(WorkspaceContext.class).store().scans().stream()
                .sorted(java.util.Comparator.comparing(ScanSummary::id)).toList();
    }

    @Test
    void auditorSeesHerWindowOnlyAndCannotWrite() {
        signIn("carol", Optional.empty());
        String window = day(first.finishedAt().minus(Duration.ofDays(30))) + " – " + day(carolTo);
        assertThat(text("#window strong")).isEqualTo(window);
        assertThat(text("main .sub")).contains("Scan #" + first.id()).contains("As of the end of your observation window");
        assertThat(page.locator("text=Run a scan now").count()).isZero();
        assertThat(page.locator("nav a[href='/settings/users']").count()).isZero();
        look("01-dashboard");

        page.navigate("/scans");
        assertThat(text("h2:has-text('History')")).isEqualTo("History (1 scan)");
        assertThat(page.locator("main table tbody tr").allInnerTexts()).singleElement().asString().startsWith("#" + first.id());
        assertThat(page.locator("#run-scan").count()).isZero();
        look("02-scans");

        page.navigate("/evidence");
        assertThat(page.locator("form[enctype='multipart/form-data']").count()).as("no upload form").isZero();
        assertThat(page.locator("#file").count()).isZero();
        look("03-evidence");

        page.navigate("/settings");
        assertThat(page.locator("a[href='/settings/users']").count()).as("no user admin link").isZero();
        assertThat(page.navigate("/settings/users").status()).isEqualTo(403);
        assertThat(text("h1")).isEqualTo("Not allowed");
        look("04-no-user-admin");

        page.navigate("/");
        int jobsBefore = f.bean(ScanJobs.class).recent().size();
        @SuppressWarnings("unchecked")
        Map<String, Object> statuses = (Map<String, Object>) page.evaluate(TRY_WRITES);
        assertThat(statuses).containsEntry("scan", 403).containsEntry("upload", 403).containsEntry("user", 403)
                .containsEntry("apiScan", 403);
        assertThat(statuses.get("ownPassword")).as("the same CSRF token works where auditors may write").isIn(0, 302);
        assertThat(f.bean(ScanJobs.class).recent()).hasSize(jobsBefore);
        assertThat(f.accounts().byUsername("mallory")).isEmpty();
        assertThat(scans()).hasSize(2);
    }

    @Test
    void auditorWithAWindowWithoutScansSeesNone() {
        signIn("dave", Optional.empty());
        assertThat(text("#window strong")).isEqualTo("2020-01-01 – 2020-12-31");
        assertThat(text("h1")).isEqualTo("No scan yet");
        assertThat(text("main")).contains("No scan was recorded in your observation window.");
        assertThat(page.locator("text=Run a scan now").count()).isZero();
        look("01-dashboard");
        page.navigate("/scans");
        assertThat(text("h2:has-text('History')")).isEqualTo("History (0 scans)");
        assertThat(page.locator("main table tbody tr").count()).isZero();
        look("02-scans");
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }
}
