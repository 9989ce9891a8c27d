package dev.vouch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.vouch.server.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An editor records manual evidence through the form; the vault grows and verifies; the admin's audit trail shows it. */
class EvidenceUploadUiTest extends BrowserTest {
    private static final String FILE = "dr-test-report-q3.pdf";
    private String adminSecret;

    @Override
    void prepare() {
        f.scan(); // the vault exists, with the scan's entries
        f.user("erin", Role.EDITOR, Optional.empty(), Optional.empty());
        adminSecret = f.user("adam", Role.ADMIN, Optional.empty(), Optional.empty()).orElseThrow();
    }

    @Test
    void editorUploadsEvidenceAndTheAdminSeesItInTheAuditTrail() {
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate from = to.minusDays(29);
        signIn("erin", Optional.empty());
        page.navigate("/evidence?control=VC-BCP-04");
        long before = Long.parseLong(text("#tree-size"));
        assertThat(page.locator("#control option:checked").allInnerTexts()).as("the control from the link is chosen")
                .singleElement().asString().startsWith("VC-BCP-04");
        look("01-form");

        page.getByLabel("File").setInputFiles(new FilePayload(FILE, "application/pdf",
                "%PDF-1.4\n% DR test, achieved RTO 3h10m, RPO 12m\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
        page.getByLabel("Covers from").fill(from.toString());
        page.getByLabel("Covers to").fill(to.toString());
        page.getByLabel("Note").fill("Annual DR test of the EU region");
        look("02-filled");
        go(button("Record in the vault"));

        assertThat(page.url()).as("back on the evidence page").isEqualTo(f.base + "/evidence");
        assertThat(text("[role=status]")).startsWith("Recorded " + FILE + " as vault entry #")
                .contains("covering " + from + " to " + to + ".");
        Locator row = page.locator("#entries tbody tr").first();
        assertThat(row.locator("td").nth(2).innerText()).isEqualTo(FILE);
        assertThat(row.locator("td").nth(3).innerText()).isEqualTo("VC-BCP-04");
        assertThat(row.locator("td").nth(4).innerText()).isEqualTo(from + " – " + to);
        long after = Long.parseLong(text("#tree-size"));
        assertThat(after).as("the vault's signed tree grew by the upload and its audit entry").isGreaterThan(before);
        look("03-recorded");

        go(page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Verify the whole vault now")));
        assertThat(text("#verified")).startsWith("Verified just now");
        assertThat(page.locator("#verified").getAttribute("class")).isEqualTo("ok");
        look("04-verified");

        go(button("Sign out"));
        signIn("adam", Optional.of(adminSecret));
        page.navigate("/audit");
        Locator upload = page.locator("#audit tbody tr", new Page.LocatorOptions().setHasText("evidence.upload"));
        assertThat(upload.count()).isEqualTo(1);
        assertThat(upload.locator("td").nth(2).innerText()).isEqualTo("erin");
        assertThat(upload.locator("td").nth(4).innerText()).contains(FILE);
        look("05-audit-trail");
    }
}
