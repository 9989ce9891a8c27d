package dev.vouch.report.assessment;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.Scorer;
import dev.vouch.assess.sample.CheckpointRoot;
import dev.vouch.assess.sample.Population;
import dev.vouch.assess.sample.PopulationItem;
import dev.vouch.assess.sample.Sampler;
import dev.vouch.assess.type2.FindingSpan;
import dev.vouch.assess.type2.Type2Analyzer;
import dev.vouch.assess.type2.Type2Policy;
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.assess.type2.Window;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.Nature;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Remediation;
import dev.vouch.model.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small estate scored with the real catalog: an automated control whose first check fails on two
 * Terraform resources (file:line known), a manual control with one fresh piece of evidence, a three-scan
 * trend and a vault seal. The Type II model: June 2024 with a 3-day scan gap, one exception inside its
 * SLA and one beyond, and a 12-change population sampled.
 */
final class ReportFixtures {
    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final Catalog CATALOG = Catalog.loadDefault();
    /** The first automated control with at least two checks. */
    static final Control AUTOMATED = CATALOG.controls().stream()
            .filter(c -> c.nature() == Nature.AUTOMATED && c.checks().size() >= 2).findFirst().orElseThrow();
    static final String FAILING = AUTOMATED.checks().get(0);
    static final String PASSING = AUTOMATED.checks().get(1);
    /** The first manual control. */
    static final Control MANUAL = CATALOG.controls().stream().filter(c -> c.nature() == Nature.MANUAL).findFirst().orElseThrow();
    static final String SEAL_NOTE = "vouch.example/acme\n42\nq83vEjUHtU9kvVrcyTnJmXyJpdcW8W8PDd4pB1e1GvI=\n\n— vouch.example/acme Ab12Cd34EXAMPLE=\n";

    private ReportFixtures() {
    }

    static Finding finding(String check, String resource, Outcome outcome, int line) {
        return new Finding(check, Severity.HIGH, "azurerm_storage_account", "/subscriptions/1/rg/app/" + resource, resource,
                "azure", outcome, outcome == Outcome.PASS ? "" : "public network access is enabled on " + resource,
                new Origin("terraform", "infra/storage.tf", line), "");
    }

    static ReadinessModel readiness() {
        return readiness(List.of(
                finding(FAILING, "stacme01", Outcome.FAIL, 12),
                finding(FAILING, "stacme02", Outcome.FAIL, 40),
                finding(FAILING, "stacme03", Outcome.PASS, 71),
                finding(PASSING, "stacme01", Outcome.PASS, 12)));
    }

    static ReadinessModel readiness(List<Finding> findings) {
        List<EvidenceItem> evidence = List.of(new EvidenceItem(MANUAL.evidence().get(0).type().key(), List.of(MANUAL.id()),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-01T00:00:00Z"),
                Instant.parse("2026-06-02T09:00:00Z"), 7, "policy-review-2026.pdf"));
        Assessment a = new Scorer(CATALOG, EnumSet.of(Category.SECURITY), Clock.fixed(NOW, ZoneOffset.UTC))
                .score(findings, evidence);
        Map<String, CheckInfo> checks = new LinkedHashMap<>();
        checks.put(FAILING, new CheckInfo(FAILING, "Storage accounts deny public network access", Severity.HIGH,
                "azure.storage.account", "Public endpoints expose data to the internet.",
                new Remediation("Set public_network_access_enabled = false.", "az storage account update --public-network-access Disabled",
                        "public_network_access_enabled = false"), Map.of(), List.of(), "checks/x/check.yaml"));
        List<EvidenceEntry> index = List.of(
                new EvidenceEntry(6, "scan.findings", "scan #3", "sha256:" + "ab".repeat(32), Instant.parse("2026-06-02T08:00:00Z"),
                        Instant.parse("2026-06-02T08:00:00Z"), Instant.parse("2026-06-02T08:00:00Z"), List.of()),
                new EvidenceEntry(7, MANUAL.evidence().get(0).type().key(), "policy-review-2026.pdf", "sha256:" + "cd".repeat(32),
                        Instant.parse("2026-06-02T09:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-06-01T00:00:00Z"), List.of(MANUAL.id())));
        List<TrendPoint> trend = List.of(new TrendPoint(1, Instant.parse("2026-05-01T08:00:00Z"), 12.0),
                new TrendPoint(2, Instant.parse("2026-05-15T08:00:00Z"), 18.5),
                new TrendPoint(3, Instant.parse("2026-06-02T08:00:00Z"), a.overall()));
        return new ReadinessModel("Acme Analytics, Inc.", NOW, new ScanRef(3, Instant.parse("2026-06-02T08:00:00Z"),
                List.of("terraform:infra/terraform"), 3), a, trend, checks, findings, index,
                Optional.of(new VaultSeal(SEAL_NOTE, 42, "abababababababababab", "SHA256:EXAMPLEfingerprint")));
    }

    static Type2Model type2() {
        Window june = Window.parse("2024-06-01..2024-06-30");
        List<Instant> scans = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            if (day < 11 || day > 13) {
                scans.add(Instant.parse(String.format("2024-06-%02dT12:00:00Z", day)));
            }
        }
        List<FindingSpan> spans = List.of(
                span(FAILING, "vm-1", Outcome.PASS, Severity.HIGH, "2024-06-01T12:00:00Z", "2024-06-05T12:00:00Z"),
                span(FAILING, "vm-1", Outcome.FAIL, Severity.HIGH, "2024-06-05T12:00:00Z", "2024-06-15T12:00:00Z"),
                span(FAILING, "vm-1", Outcome.PASS, Severity.HIGH, "2024-06-15T12:00:00Z", null),
                span(PASSING, "kv-1", Outcome.FAIL, Severity.CRITICAL, "2024-06-01T12:00:00Z", "2024-06-25T12:00:00Z"),
                span(PASSING, "kv-1", Outcome.PASS, Severity.CRITICAL, "2024-06-25T12:00:00Z", null));
        Type2Report report = new Type2Analyzer(List.of(AUTOMATED, MANUAL), Type2Policy.defaults())
                .analyze(june, scans, spans, List.of());
        List<PopulationItem> items = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            items.add(new PopulationItem("pr-" + i, "change", Instant.parse(String.format("2024-06-%02dT10:00:00Z", i * 2)),
                    "Merge pull request #" + i, Map.of("approvers", "bob")));
        }
        Population pop = new Population("changes", items, "github.pull_request 2024-06-01..2024-06-30");
        CheckpointRoot root = new CheckpointRoot("ab".repeat(32), "vouch.example/acme", 42);
        var sample = Sampler.select("VC-CHG-01", pop, 4, root);
        return new Type2Model("Acme Analytics, Inc.", NOW, report, List.of(new Type2Model.SampleSet(sample, List.of())),
                readiness().evidence(), Optional.of(new VaultSeal(SEAL_NOTE, 42, "ab".repeat(32), "SHA256:EXAMPLEfingerprint")));
    }

    private static FindingSpan span(String check, String resource, Outcome outcome, Severity severity, String from, String to) {
        return new FindingSpan(check, "/subs/1/" + resource, resource, outcome, severity, Instant.parse(from),
                to == null ? FindingSpan.OPEN : Instant.parse(to));
    }
}
