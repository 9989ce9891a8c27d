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
        List<EvidenceEntry> evidence, Optional<VaultSeal> seal) {

    public Type2Model {
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
