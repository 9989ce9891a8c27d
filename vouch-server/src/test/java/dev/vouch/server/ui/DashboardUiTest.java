package dev.vouch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.vouch.auth.TokenScope;
import dev.vouch.server.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After one scan of examples/acme: the dashboard shows what the API says, the drill-down reaches the file and line. */
class DashboardUiTest extends BrowserTest {
    private String token;

    @Override
    void prepare() {
        f.scan();
        f.user("vic", Role.VIEWER, Optional.empty(), Optional.empty());
        token = f.token("vic", TokenScope.READ);
    }

    @Test
    void dashboardShowsWhatTheApiSays() {
        signIn("vic", Optional.empty());
        JsonNode d = api("/api/v1/dashboard", token);
        look("01-dashboard");

        assertThat(text("#overall")).isEqualTo(one(d.path("overall").asDouble()));
        assertThat(text("#band")).isEqualTo(d.path("band").asText());
        assertThat(text("main .sub")).contains("Scan #" + d.path("scanId").asLong(), d.path("resources").asText() + " resources");
        List<String> bars = page.locator("table.bars tr").allInnerTexts();
        assertThat(bars).hasSize(d.path("categories").size());
        for (int i = 0; i < bars.size(); i++) {
            JsonNode c = d.path("categories").get(i);
            assertThat(bars.get(i)).contains(c.path("name").asText(), one(c.path("score").asDouble()));
        }
        Locator trend = page.locator("svg.trend");
        assertThat(trend.getAttribute("aria-label")).isEqualTo("Overall score over " + d.path("trend").size() + " scans");
        assertThat(trend.locator("circle").count()).isEqualTo(d.path("trend").size());

        Locator remediation = page.locator("ol.remediation > li");
        assertThat(remediation.count()).isEqualTo(d.path("remediation").size()).isPositive();
        assertThat(remediation.first().innerText()).contains(d.path("remediation").get(0).path("action").asText());
        assertThat(text("#gap-h")).isEqualTo("Coverage gaps");
        assertThat(page.locator("#not-tested li").count()).isEqualTo(d.path("notTested").size()).isPositive();
        assertThat(text("#not-tested-h")).contains(Integer.toString(d.path("notTested").size()));
        assertThat(page.locator("#missing-evidence li").count()).isEqualTo(d.path("missingEvidence").size());
    }

    @Test
    void drillDownFromCriteriaToTheResourceAndItsSourceLine() {
        signIn("vic", Optional.empty());
        page.navigate("/criteria");
        look("01-criteria");
        go(link("CC6.1"));
        assertThat(page.url()).endsWith("/criteria/CC6.1");
        assertThat(text("h1")).startsWith("CC6.1");
        look("02-criterion");

        go(link("VC-HOST-01"));
        assertThat(page.url()).endsWith("/controls/VC-HOST-01");
        assertThat(text("h1")).startsWith("VC-HOST-01");
        look("03-control");

        go(link("AZ-VM-001"));
        assertThat(page.url()).endsWith("/checks/AZ-VM-001");
        JsonNode check = api("/api/v1/checks/AZ-VM-001", token);
        assertThat(text("h2:has-text('Findings')")).isEqualTo("Findings (" + check.path("findings").path("total").asInt() + ")");
        look("04-check");

        Locator row = page.locator("table.findings tbody tr", new Page.LocatorOptions().setHasText("compute.tf:30"));
        assertThat(row.count()).isEqualTo(1);
        go(row.locator("a[href^='/resource']"));
        assertThat(page.url()).contains("/resource?id=");
        assertThat(text("h1")).isEqualTo("vm-acme-prod-jumpbox");
        assertThat(text("#location")).endsWith("infra/terraform/compute.tf:30");
        String fix = check.path("check").path("remediation").path("text").asText();
        assertThat(fix).isNotBlank();
        assertThat(text("section.fix")).contains("AZ-VM-001", fix);
        assertThat(page.locator("section.fix h3").allInnerTexts()).as("remediation of the failing check only, not the passing ones")
                .singleElement().asString().startsWith("AZ-VM-001");
        look("05-resource");
    }

    @Test
    void findingFiltersNarrowTheCountAsTheApiDoes() {
        signIn("vic", Optional.empty());
        page.navigate("/findings");
        int all = shownCount();
        assertThat(all).isEqualTo(api("/api/v1/findings", token).path("total").asInt());
        look("01-all");

        page.getByLabel("Severity").selectOption("HIGH");
        filter();
        int high = shownCount();
        assertThat(high).isEqualTo(api("/api/v1/findings?severity=HIGH", token).path("total").asInt()).isPositive().isLessThan(all);

        page.getByLabel("Outcome").selectOption("FAIL");
        filter();
        int highFail = shownCount();
        assertThat(highFail).isEqualTo(api("/api/v1/findings?severity=HIGH&outcome=FAIL", token).path("total").asInt())
                .isPositive().isLessThan(high);
        assertThat(page.locator("table.findings tbody tr td.o-FAIL").count()).isEqualTo(Math.min(50, highFail));
        look("02-high-fail");

        page.getByLabel("Control").selectOption("VC-NET-02");
        filter();
        int ofControl = shownCount();
        assertThat(ofControl).isEqualTo(api("/api/v1/findings?severity=HIGH&outcome=FAIL&control=VC-NET-02", token).path("total").asInt())
                .isPositive().isLessThan(highFail);
        assertThat(page.url()).contains("severity=HIGH", "outcome=FAIL", "control=VC-NET-02");
        look("03-high-fail-control");
    }

    private int shownCount() {
        return leadingInt(text("#count"));
    }

    private void filter() {
        go(button("Filter"));
    }

    private Locator link(String name) {
        return page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).first();
    }

    private static String one(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
