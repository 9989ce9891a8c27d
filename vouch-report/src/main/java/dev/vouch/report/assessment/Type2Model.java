package dev.vouch.report.assessment;

import dev.vouch.assess.sample.Sample;
import dev.vouch.assess.type2.Type2Report;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a Type II report shows: the analysis over the observation window, the samples drawn for
 * it, and the vault seal that seeded them.
 *
 * @param samples one per (control, population) asked for, each with its population's size and problems
 */
public record Type2Model(String organization, Instant generatedAt, Type2Report report, List<SampleSet> samples,
        List<EvidenceEntry> evidence, Optional<VaultSeal> seal, List<MissedScan> missedScans) {

    /** Without a schedule: no scheduled scans to have missed. */
    public Type2Model(String organization, Instant generatedAt, Type2Report report, List<SampleSet> samples,
            List<EvidenceEntry> evidence, Optional<VaultSeal> seal) {
        this(organization, generatedAt, report, samples, evidence, seal, List.of());
    }

    /**
     * Scheduled scans that did not run in the window, from the scheduler's ledger: why the coverage has the gaps
     * it has ({@code reason}: not-running, failed, overlapped).
     */
    public record MissedScan(Instant from, Instant to, int slots, String reason) {
        public MissedScan {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public Type2Model {
        missedScans = List.copyOf(missedScans);
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(report, "report");
        samples = List.copyOf(samples);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(seal, "seal");
    }

    /** A sample with the population problems shown beside it (never dropped silently). */
    public record SampleSet(Sample sample, List<String> populationProblems) {
        public SampleSet {
            Objects.requireNonNull(sample, "sample");
            populationProblems = List.copyOf(populationProblems);
        }
    }
}
