package dev.vouch.assess;

import dev.vouch.catalog.Catalog;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A small hand-made catalog and helpers; the known answers are computed in the tests' comments. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-07-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String CRITERIA = """
            framework: test
            groups:
              - {id: CC6, category: security, name: Access}
              - {id: A1, category: availability, name: Availability}
            criteria:
              - {id: CC6.1, category: security, group: CC6, text: "Logical access is restricted."}
              - {id: CC6.2, category: security, group: CC6, text: "Users are registered and removed."}
              - {id: A1.1, category: availability, group: A1, text: "Capacity is planned."}
            """;

    /** Automated (preventive, 1.0), manual (detective, 0.8), hybrid (corrective, 0.6), availability manual (1.0). */
    static final String CONTROLS = """
            controls:
              - id: VC-AUT-01
                title: Access is enforced by configuration
                description: d
                owner: o
                type: preventive
                nature: automated
                frequency: continuous
                responsibility: customer
                criteria: [CC6.1]
                checks: [CHK-A, CHK-B]
              - id: VC-MAN-01
                title: Access is reviewed every quarter
                description: d
                owner: o
                type: detective
                nature: manual
                frequency: quarterly
                responsibility: customer
                criteria: [CC6.1]
                evidence:
                  - {type: review_record, description: Signed-off access review, cadence: quarterly}
              - id: VC-HYB-01
                title: Leavers are removed and the removal exported
                description: d
                owner: o
                type: corrective
                nature: hybrid
                frequency: monthly
                responsibility: customer
                criteria: [CC6.2]
                checks: [CHK-C]
                evidence:
                  - {type: config_export, description: Monthly export of disabled accounts, cadence: monthly}
              - id: VC-AVL-01
                title: Capacity is reviewed every year
                description: d
                owner: o
                type: preventive
                nature: manual
                frequency: annual
                responsibility: customer
                criteria: [A1.1]
                evidence:
                  - {type: report, description: Capacity report, cadence: annual}
                  - {type: test_record, description: Failover test, cadence: annual}
            """;

    private Fixtures() {
    }

    static Catalog catalog(Path dir) {
        try {
            Path criteria = Files.writeString(dir.resolve("criteria.yaml"), CRITERIA);
            Path controls = Files.writeString(dir.resolve("controls.yaml"), CONTROLS);
            return Catalog.load(criteria, controls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Finding finding(String check, Severity severity, String resource, Outcome outcome) {
        return new Finding(check, severity, "test.resource", resource, resource, "test", outcome, "",
                Origin.of("test", "fixture"), outcome == Outcome.EXCEPTED ? "EXC-1" : "");
    }

    /**
     * CHK-A (high, w=5): PASS, FAIL, EXCEPTED, N/A → 100×(5×2)/(5×3) = 66.7.
     * CHK-B (low, w=1): PASS, ERROR, UNKNOWN, PASS → 100×(1×2)/(1×4) = 50.0.
     * CHK-C (medium, w=3): 4 PASS, 1 FAIL → 100×(3×4)/(3×5) = 80.0.
     */
    static List<Finding> findings() {
        return List.of(
                finding("CHK-A", Severity.HIGH, "a1", Outcome.PASS),
                finding("CHK-A", Severity.HIGH, "a2", Outcome.FAIL),
                finding("CHK-A", Severity.HIGH, "a3", Outcome.EXCEPTED),
                finding("CHK-A", Severity.HIGH, "a4", Outcome.NOT_APPLICABLE),
                finding("CHK-B", Severity.LOW, "b1", Outcome.PASS),
                finding("CHK-B", Severity.LOW, "b2", Outcome.ERROR),
                finding("CHK-B", Severity.LOW, "b3", Outcome.UNKNOWN),
                finding("CHK-B", Severity.LOW, "b4", Outcome.PASS),
                finding("CHK-C", Severity.MEDIUM, "c1", Outcome.PASS),
                finding("CHK-C", Severity.MEDIUM, "c2", Outcome.PASS),
                finding("CHK-C", Severity.MEDIUM, "c3", Outcome.FAIL),
                finding("CHK-C", Severity.MEDIUM, "c4", Outcome.PASS),
                finding("CHK-C", Severity.MEDIUM, "c5", Outcome.PASS));
    }

    /** An item for one control whose covered period ended {@code age} before {@link #NOW}. */
    static EvidenceItem item(String kind, String control, Duration age, long seq) {
        Instant to = NOW.minus(age);
        return new EvidenceItem(kind, List.of(control), to.minus(Duration.ofDays(30)), to, to, seq, kind + " #" + seq);
    }

    /**
     * VC-HYB-01 config_export (monthly, limit 34.1 d) ended 40 days ago: STALE.
     * VC-AVL-01 report (annual, limit 402.6 d) ended 10 days ago: FRESH; its test_record is MISSING.
     * VC-MAN-01 has no evidence at all: NOT TESTED.
     */
    static List<EvidenceItem> evidence() {
        return List.of(
                item("config_export", "VC-HYB-01", Duration.ofDays(40), 3),
                item("report", "VC-AVL-01", Duration.ofDays(10), 4));
    }

    static Duration days(double d) {
        return Duration.ofSeconds(Math.round(d * 86_400));
    }
}
