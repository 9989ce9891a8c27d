package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.assess.Assessment;
import dev.vouch.assess.EvidenceItem;
import dev.vouch.assess.Scorer;
import dev.vouch.assess.type2.FindingSpan;
import dev.vouch.assess.type2.Type2Analyzer;
import dev.vouch.assess.type2.Type2Policy;
import dev.vouch.assess.type2.Type2Report;
import dev.vouch.assess.type2.Window;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import dev.vouch.report.assessment.EvidenceEntry;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.ScanRef;
import dev.vouch.report.assessment.TrendPoint;
import dev.vouch.report.assessment.Type2Model;
import dev.vouch.report.assessment.VaultSeal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-made inputs with known answers, scored by the real {@link Scorer} and {@link Type2Analyzer} over the
 * shipped catalog. AZ-STG-003 (VC-DATA-03, CC6.1 and C1.1) fails on st-legacy and passes on st-main;
 * AZ-NET-001 (VC-NET-01, CC6.6) passes on nsg-web; VC-RISK-01 (the only control of CC3.3) has fresh manual
 * evidence, vault entry #3.
 */
final class OscalFixtures {

    static final Catalog CATALOG = Catalog.loadDefault();
    static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
    static final Instant SCAN_AT = Instant.parse("2025-06-30T12:00:00Z");
    static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-data/providers/";
    static final String LEGACY = SUB + "Microsoft.Storage/storageAccounts/stlegacy";
    static final String MAIN = SUB + "Microsoft.Storage/storageAccounts/stmain";
    static final String NSG = SUB + "Microsoft.Network/networkSecurityGroups/nsg-web";
    static final String RISK_DIGEST = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String SEAL_NOTE = "vouch.acme.example/vault\n3\nq83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=\n\n"
            + "— vouch.acme.example/vault Az3tZQ==\n";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OscalFixtures() {
    }

    static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Finding finding(String check, Severity severity, String type, String id, String name, Outcome outcome,
            String message) {
        return new Finding(check, severity, type, id, name, "azure", outcome, message,
                Origin.of("azure-export", "exports/azure/resources.json"), "");
    }

    static List<Finding> findings() {
        return List.of(
                finding("AZ-STG-003", Severity.MEDIUM, "azure.storage.account", LEGACY, "stlegacy", Outcome.FAIL,
                        "Storage account stlegacy allows TLS1_0"),
                finding("AZ-STG-003", Severity.MEDIUM, "azure.storage.account", MAIN, "stmain", Outcome.PASS, ""),
                finding("AZ-NET-001", Severity.HIGH, "azure.network.nsg", NSG, "nsg-web", Outcome.PASS, ""));
    }

    static List<EvidenceEntry> entries() {
        return List.of(
                new EvidenceEntry(1, "scan.snapshot", "scan 42 snapshot",
                        "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", SCAN_AT, SCAN_AT,
                        SCAN_AT, List.of()),
                new EvidenceEntry(2, "scan.findings", "scan 42 findings",
                        "sha256:fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", SCAN_AT, SCAN_AT,
                        SCAN_AT, List.of()),
                new EvidenceEntry(3, "evidence.manual", "2025 risk assessment.pdf", RISK_DIGEST,
                        Instant.parse("2025-06-02T09:30:00Z"), Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.parse("2025-06-01T00:00:00Z"), List.of("VC-RISK-01")));
    }

    static List<EvidenceItem> items(List<EvidenceEntry> entries) {
        List<EvidenceItem> out = new ArrayList<>();
        for (EvidenceEntry e : entries) {
            if (!e.controls().isEmpty()) {
                out.add(new EvidenceItem(e.kind(), e.controls(), e.coversFrom(), e.coversTo(), e.recordedAt(), e.seq(),
                        e.name()));
            }
        }
        return out;
    }

    static Map<String, CheckInfo> checks() {
        return Map.of(
                "AZ-STG-003", new CheckInfo("AZ-STG-003", "Storage accounts reject TLS below 1.2", Severity.MEDIUM,
                        "azure.storage.account", "", null, null, null, null),
                "AZ-NET-001", new CheckInfo("AZ-NET-001", "NSGs do not allow SSH from the internet", Severity.HIGH,
                        "azure.network.nsg", "", null, null, null, null));
    }

    static Optional<VaultSeal> seal() {
        return Optional.of(new VaultSeal(SEAL_NOTE, 3, "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789",
                "SHA256:q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA"));
    }

    static ReadinessModel readiness() {
        Assessment a = new Scorer(CATALOG, Set.of(Category.SECURITY), Clock.fixed(NOW, ZoneOffset.UTC))
                .score(findings(), items(entries()));
        return new ReadinessModel("Acme Corp", NOW, new ScanRef(42, SCAN_AT, List.of("azure-export"), 3), a,
                List.of(new TrendPoint(41, Instant.parse("2025-06-29T12:00:00Z"), 20.5),
                        new TrendPoint(42, SCAN_AT, a.overall())),
                checks(), findings(), entries(), seal());
    }

    static final Window JUNE = Window.parse("2024-06-01..2024-06-30");

    /** Daily scans at 12:00 all June; AZ-STG-003 critical FAIL on stlegacy 06-05 → 06-20 (15 d, SLA 7 d). */
    static Type2Model type2() {
        List<Instant> scans = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            scans.add(Instant.parse(String.format("2024-06-%02dT12:00:00Z", day)));
        }
        List<FindingSpan> spans = List.of(
                span("AZ-STG-003", LEGACY, "stlegacy", Outcome.PASS, "2024-06-01T00:00:00Z", "2024-06-05T12:00:00Z"),
                span("AZ-STG-003", LEGACY, "stlegacy", Outcome.FAIL, "2024-06-05T12:00:00Z", "2024-06-20T12:00:00Z"),
                span("AZ-STG-003", LEGACY, "stlegacy", Outcome.PASS, "2024-06-20T12:00:00Z", null),
                span("AZ-NET-001", NSG, "nsg-web", Outcome.PASS, "2024-06-01T00:00:00Z", null));
        EvidenceEntry risk = new EvidenceEntry(3, "evidence.manual", "2024 risk assessment.pdf", RISK_DIGEST,
                Instant.parse("2024-06-10T09:00:00Z"), Instant.parse("2024-06-01T00:00:00Z"),
                Instant.parse("2024-06-30T00:00:00Z"), List.of("VC-RISK-01"));
        Type2Report report = Type2Analyzer.of(CATALOG, Type2Policy.defaults())
                .analyze(JUNE, scans, spans, items(List.of(risk)));
        return new Type2Model("Acme Corp", Instant.parse("2024-07-02T08:00:00Z"), report, List.of(), List.of(risk),
                Optional.empty());
    }

    private static FindingSpan span(String check, String id, String name, Outcome o, String from, String to) {
        return new FindingSpan(check, id, name, o, Severity.CRITICAL, Instant.parse(from),
                to == null ? FindingSpan.OPEN : Instant.parse(to));
    }
}
