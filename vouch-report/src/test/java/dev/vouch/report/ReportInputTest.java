package dev.vouch.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportInputTest {

    @Test
    void indexesChecksAndGroupsFindingsSorted() {
        ReportInput in = SampleScan.input();
        assertThat(in.check("AZ-SQL-002")).map(CheckInfo::severity).contains(Severity.CRITICAL);
        assertThat(in.check("NOPE-001")).isEmpty();
        assertThat(in.title("AZ-KV-001")).isEqualTo("Key vaults have purge protection enabled");
        assertThat(in.title("NOPE-001")).isEqualTo("NOPE-001");
        assertThat(in.checkIds()).containsExactly("AZ-KV-001", "AZ-RSV-001", "AZ-SQL-002", "AZ-STG-003", "LNX-SSH-004");
        assertThat(in.findings("AZ-STG-003")).extracting(Finding::resourceName)
                .containsExactly("legacyexports", "data", "logs", "tmp");
        assertThat(in.findings("NOPE-001")).isEmpty();
    }

    @Test
    void firstDescriptionOfADuplicatedCheckWinsAndUndescribedChecksAreListed() {
        List<CheckInfo> checks = new ArrayList<>(SampleScan.checks());
        CheckInfo first = checks.get(0);
        checks.add(new CheckInfo(first.id(), "a later duplicate", Severity.LOW, first.resourceType(), "", null, null, null, ""));
        Finding orphan = new Finding("ZZ-001", Severity.HIGH, "t", "r", "r", "", Outcome.FAIL, "", Origin.of("git", "."), "");
        ScanResult s = new ScanResult(Instant.EPOCH, Instant.EPOCH, List.of(), 1, List.of(orphan), List.of(), List.of(), checks);
        ReportInput in = ReportInput.of(s);
        assertThat(in.title(first.id())).isEqualTo(first.title());
        assertThat(in.checkIds()).endsWith("ZZ-001").hasSize(6);
        assertThat(in.findings("ZZ-001")).containsExactly(orphan);
        assertThat(SarifRenderer.severityOf(in, "ZZ-001")).isEqualTo(Severity.HIGH);
    }
}
