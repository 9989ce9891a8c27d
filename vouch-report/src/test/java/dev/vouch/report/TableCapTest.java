package dev.vouch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table lists at most maxPerCheck findings of one check per section; totals stay exact. */
class TableCapTest {

    /** 25 FAIL of AZ-STG-003, exactly 10 FAIL of AZ-SQL-002, 12 UNKNOWN of AZ-STG-003, 11 EXCEPTED of AZ-KV-001. */
    static ReportInput input() {
        List<Finding> fs = new ArrayList<>();
        add(fs, "AZ-STG-003", Severity.MEDIUM, "st", 25, Outcome.FAIL);
        add(fs, "AZ-SQL-002", Severity.CRITICAL, "sql", 10, Outcome.FAIL);
        add(fs, "AZ-STG-003", Severity.MEDIUM, "tmp", 12, Outcome.UNKNOWN);
        add(fs, "AZ-KV-001", Severity.LOW, "kv", 11, Outcome.EXCEPTED);
        Collections.reverse(fs);
        ScanResult s = new ScanResult(Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-02T09:15:03Z"),
                List.of("terraform:infra/"), 58, fs, List.of(), List.of(), SampleScan.checks());
        return new ReportInput(s, SampleScan.criteria());
    }

    private static void add(List<Finding> fs, String check, Severity sev, String prefix, int n, Outcome o) {
        for (int i = 0; i < n; i++) {
            String name = String.format("%s-%02d", prefix, i);
            fs.add(SampleScan.finding(check, sev, "azure.thing", "infra/" + name, name, o, "bad " + name,
                    new Origin("terraform", "infra/" + prefix + ".tf", i + 1), o == Outcome.EXCEPTED ? "EXC-7" : ""));
        }
    }

    @Test
    void defaultCapOfTenMatchesGolden() throws Exception {
        String out = Golden.render(new TableRenderer(false), input());
        Golden.assertMatches(out, "table-capped.txt");
    }

    @Test
    void listsTenPerCheckAndCountsTheRest() {
        String out = Golden.render(new TableRenderer(false), input());
        List<String> shown = out.lines().filter(l -> l.startsWith("        - st-")).toList();
        assertThat(shown).hasSize(10);
        assertThat(shown.get(0)).contains("st-00");
        assertThat(shown.get(9)).contains("st-09");
        assertThat(out).contains("Failing findings (35)", "    MEDIUM (25)", "    CRITICAL (10)",
                "\n        \u2026 and 15 more AZ-STG-003 findings (see --format json)\n",
                "Not evaluated: ERROR / UNKNOWN (12)",
                "\n  \u2026 and 2 more AZ-STG-003 findings (see --format json)\n",
                "Accepted by exception (11)",
                "\n  \u2026 and 1 more AZ-KV-001 finding (see --format json)\n");
        assertThat(out.lines().filter(l -> l.startsWith("        - sql-"))).hasSize(10);
        assertThat(out).doesNotContain("more AZ-SQL-002");
        assertThat(out.lines().filter(l -> l.contains("\u2026"))).hasSize(3);
        assertThat(out).endsWith("Result: 35 failing findings (10 critical, 25 medium); 12 not evaluated\n");
    }

    @Test
    void capIsConfigurableAndFormatsLargeCounts() {
        String out = Golden.render(new TableRenderer(false, 100, 3), input());
        assertThat(out.lines().filter(l -> l.startsWith("        - st-"))).hasSize(3);
        assertThat(out).contains("\u2026 and 22 more AZ-STG-003", "\u2026 and 7 more AZ-SQL-002",
                "\u2026 and 9 more AZ-STG-003", "\u2026 and 8 more AZ-KV-001");
        assertThat(Golden.render(new TableRenderer(false, 100, 1), bigInput(1_235)))
                .contains("\u2026 and 1,234 more AZ-STG-003 findings (see --format json)");
    }

    private static ReportInput bigInput(int n) {
        List<Finding> fs = new ArrayList<>();
        add(fs, "AZ-STG-003", Severity.MEDIUM, "st", n, Outcome.FAIL);
        ScanResult s = new ScanResult(Instant.EPOCH, Instant.EPOCH, List.of(), n, fs, List.of(), List.of(), List.of());
        return ReportInput.of(s);
    }

    @Test
    void rejectsCapBelowOne() {
        assertThatThrownBy(() -> new TableRenderer(false, 100, 0)).hasMessageContaining("maxPerCheck must be at least 1");
    }
}
