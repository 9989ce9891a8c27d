package dev.vouch.assess.type2;

import dev.vouch.model.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tunable parts of a Type II analysis (docs/scoring.md, "Type II").
 *
 * @param scanCadence how often a scan is expected; the window is split into slots of this length
 * @param remediationSla how long a non-passing finding of each severity may stay open
 * @param minCoveragePercent below this share of observed slots a control is not effective
 */
public record Type2Policy(Duration scanCadence, Map<Severity, Duration> remediationSla, int minCoveragePercent) {

    public Type2Policy {
        Objects.requireNonNull(scanCadence, "scanCadence");
        if (scanCadence.isNegative() || scanCadence.isZero()) {
            throw new IllegalArgumentException("Type II policy: field 'scanCadence' must be positive, was " + scanCadence);
        }
        Map<Severity, Duration> copy = new EnumMap<>(Severity.class);
        copy.putAll(remediationSla);
        for (Severity s : Severity.values()) {
            if (!copy.containsKey(s)) {
                throw new IllegalArgumentException("Type II policy: field 'remediationSla' lacks severity " + s.label());
            }
        }
        remediationSla = Map.copyOf(copy);
        if (minCoveragePercent < 0 || minCoveragePercent > 100) {
            throw new IllegalArgumentException("Type II policy: field 'minCoveragePercent' must be 0..100, was "
                    + minCoveragePercent);
        }
    }

    /** Daily scans; SLA critical 7 d, high 30 d, medium 90 d, low 180 d; coverage at least 90 %. */
    public static Type2Policy defaults() {
        return new Type2Policy(Duration.ofDays(1), Map.of(
                Severity.CRITICAL, Duration.ofDays(7), Severity.HIGH, Duration.ofDays(30),
                Severity.MEDIUM, Duration.ofDays(90), Severity.LOW, Duration.ofDays(180)), 90);
    }

    public Type2Policy withScanCadence(Duration cadence) {
        return new Type2Policy(cadence, remediationSla, minCoveragePercent);
    }

    public Type2Policy withSla(Severity severity, Duration sla) {
        Map<Severity, Duration> m = new EnumMap<>(remediationSla);
        m.put(severity, sla);
        return new Type2Policy(scanCadence, m, minCoveragePercent);
    }

    public Duration sla(Severity severity) {
        return remediationSla.get(severity);
    }
}
