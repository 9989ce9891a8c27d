package dev.vouch.assess.type2;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.ControlType;
import dev.vouch.catalog.EvidenceRequirement;
import dev.vouch.catalog.EvidenceType;
import dev.vouch.catalog.Frequency;
import dev.vouch.catalog.Nature;
import dev.vouch.catalog.Responsibility;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Constructed histories with known answers; the answers are stated in the tests. */
final class Type2Fixtures {

    /** 30 days, June 2024. */
    static final Window JUNE = Window.parse("2024-06-01..2024-06-30");

    private Type2Fixtures() {
    }

    static Instant at(String isoDateTime) {
        return Instant.parse(isoDateTime.length() == 10 ? isoDateTime + "T00:00:00Z" : isoDateTime);
    }

    /** A scan at 12:00 every June day except the 11th, 12th and 13th: 27 of 30 days. */
    static List<Instant> juneScans() {
        List<Instant> out = new ArrayList<>();
        for (int day = 1; day <= 30; day++) {
            if (day < 11 || day > 13) {
                out.add(at(String.format("2024-06-%02dT12:00:00Z", day)));
            }
        }
        return out;
    }

    static FindingSpan span(String check, String resource, Outcome outcome, Severity severity, String from, String to) {
        return new FindingSpan(check, "/subs/1/" + resource, resource, outcome, severity, at(from),
                to.equals("open") ? FindingSpan.OPEN : at(to));
    }

    /**
     * CHK-H (high) on vm-1 fails 2024-06-05T12 → 06-15T12 (10 d, two intervals: the message changed on the 9th);
     * CHK-C (critical) on kv-1 fails 06-16T12 → 06-25T12 (9 d); CHK-H on vm-2 fails from 06-25T12, still open
     * (5 d 12 h at window end); CHK-L (low) on st-1 passes throughout; CHK-X on db-1 is accepted (EXCEPTED)
     * 06-10T12 → open; CHK-N on vm-1 is only ever not applicable.
     */
    static List<FindingSpan> juneSpans() {
        return List.of(
                span("CHK-H", "vm-1", Outcome.PASS, Severity.HIGH, "2024-06-01T12:00:00Z", "2024-06-05T12:00:00Z"),
                span("CHK-H", "vm-1", Outcome.FAIL, Severity.HIGH, "2024-06-05T12:00:00Z", "2024-06-09T12:00:00Z"),
                span("CHK-H", "vm-1", Outcome.FAIL, Severity.HIGH, "2024-06-09T12:00:00Z", "2024-06-15T12:00:00Z"),
                span("CHK-H", "vm-1", Outcome.PASS, Severity.HIGH, "2024-06-15T12:00:00Z", "open"),
                span("CHK-C", "kv-1", Outcome.PASS, Severity.CRITICAL, "2024-06-01T12:00:00Z", "2024-06-16T12:00:00Z"),
                span("CHK-C", "kv-1", Outcome.FAIL, Severity.CRITICAL, "2024-06-16T12:00:00Z", "2024-06-25T12:00:00Z"),
                span("CHK-C", "kv-1", Outcome.PASS, Severity.CRITICAL, "2024-06-25T12:00:00Z", "open"),
                span("CHK-H", "vm-2", Outcome.PASS, Severity.HIGH, "2024-06-01T12:00:00Z", "2024-06-25T12:00:00Z"),
                span("CHK-H", "vm-2", Outcome.FAIL, Severity.HIGH, "2024-06-25T12:00:00Z", "open"),
                span("CHK-L", "st-1", Outcome.PASS, Severity.LOW, "2024-06-01T12:00:00Z", "open"),
                span("CHK-X", "db-1", Outcome.PASS, Severity.MEDIUM, "2024-06-01T12:00:00Z", "2024-06-10T12:00:00Z"),
                span("CHK-X", "db-1", Outcome.EXCEPTED, Severity.MEDIUM, "2024-06-10T12:00:00Z", "open"),
                span("CHK-N", "vm-1", Outcome.NOT_APPLICABLE, Severity.LOW, "2024-06-01T12:00:00Z", "open"));
    }

    static Control automated(String id, String... checks) {
        return control(id, Nature.AUTOMATED, Frequency.CONTINUOUS, List.of(checks), List.of());
    }

    static Control manual(String id, EvidenceType type, Frequency cadence) {
        return control(id, Nature.MANUAL, cadence, List.of(),
                List.of(new EvidenceRequirement(type, "what the auditor samples", cadence)));
    }

    static Control hybrid(String id, String check, EvidenceType type, Frequency cadence) {
        return control(id, Nature.HYBRID, cadence, List.of(check),
                List.of(new EvidenceRequirement(type, "what the auditor samples", cadence)));
    }

    private static Control control(String id, Nature nature, Frequency frequency, List<String> checks,
            List<EvidenceRequirement> evidence) {
        return new Control(id, id + " operates", "d", "o", ControlType.DETECTIVE, nature, frequency,
                Responsibility.CUSTOMER, List.of("CC6.1"), checks, evidence);
    }

    static EvidenceItem item(String kind, String control, String from, String to, long seq, String name) {
        return new EvidenceItem(kind, List.of(control), at(from), at(to), at(to), seq, name);
    }
}
