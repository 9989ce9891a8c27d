package dev.vouch.assess.sample;

import dev.vouch.catalog.Frequency;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many items to test for a control of a given frequency (see docs/scoring.md, "Populations and
 * samples", for the table and its sources). Periodic controls have a fixed size; per-event and
 * continuous controls take theirs from the population size ({@link Tier}). The result never exceeds
 * the population: a population smaller than the size is tested in full.
 *
 * @param fixed sizes for the periodic frequencies (every frequency except PER_EVENT and CONTINUOUS)
 * @param tiers for PER_EVENT and CONTINUOUS: the first tier whose {@code maxPopulation} is at least
 *     the population size applies; the last tier must have {@code maxPopulation = Integer.MAX_VALUE}
 */
public record SampleSizes(Map<Frequency, Integer> fixed, List<Tier> tiers) {

    /** Up to {@code maxPopulation} items, test {@code size}. */
    public record Tier(int maxPopulation, int size) {
        public Tier {
            if (maxPopulation < 1 || size < 1) {
                throw new IllegalArgumentException("sample size tier must have maxPopulation >= 1 and size >= 1, was "
                        + maxPopulation + " -> " + size);
            }
        }
    }

    public SampleSizes {
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(tiers, "tiers");
        EnumMap<Frequency, Integer> copy = new EnumMap<>(Frequency.class);
        copy.putAll(fixed);
        for (Frequency f : Frequency.values()) {
            if (!populationDriven(f) && (copy.get(f) == null || copy.get(f) < 1)) {
                throw new IllegalArgumentException("sample size for frequency '" + f.key()
                        + "' must be at least 1, was " + copy.get(f));
            }
        }
        fixed = java.util.Collections.unmodifiableMap(copy);
        tiers = tiers.stream().sorted(Comparator.comparingInt(Tier::maxPopulation)).toList();
        if (tiers.isEmpty() || tiers.get(tiers.size() - 1).maxPopulation() != Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sample size tiers must end with one for any population size "
                    + "(maxPopulation = Integer.MAX_VALUE), were " + tiers);
        }
    }

    /** The default table: annual 1, quarterly 2, monthly 2, weekly 5, daily 25; per event 25 / 40 / 60. */
    public static SampleSizes standard() {
        Map<Frequency, Integer> fixed = new EnumMap<>(Frequency.class);
        fixed.put(Frequency.ANNUAL, 1);
        fixed.put(Frequency.QUARTERLY, 2);
        fixed.put(Frequency.MONTHLY, 2);
        fixed.put(Frequency.WEEKLY, 5);
        fixed.put(Frequency.DAILY, 25);
        return new SampleSizes(fixed, List.of(new Tier(250, 25), new Tier(1000, 40), new Tier(Integer.MAX_VALUE, 60)));
    }

    /** This table with one periodic size replaced (an engagement's own methodology). */
    public SampleSizes with(Frequency frequency, int size) {
        if (populationDriven(frequency)) {
            throw new IllegalArgumentException("frequency '" + frequency.key()
                    + "' takes its sample size from the population; override its tiers instead");
        }
        Map<Frequency, Integer> copy = new EnumMap<>(fixed);
        copy.put(frequency, size);
        return new SampleSizes(copy, tiers);
    }

    /** This table with other per-event tiers. */
    public SampleSizes withTiers(List<Tier> newTiers) {
        return new SampleSizes(fixed, newTiers);
    }

    /** The sample size for a control of this frequency over a population of this many items. */
    public int size(Frequency frequency, int populationSize) {
        if (populationSize < 0) {
            throw new IllegalArgumentException("population size must be >= 0, was " + populationSize);
        }
        int size = populationDriven(frequency)
                ? tiers.stream().filter(t -> populationSize <= t.maxPopulation()).findFirst().orElseThrow().size()
                : fixed.get(frequency);
        return Math.min(size, populationSize);
    }

    static boolean populationDriven(Frequency f) {
        return f == Frequency.PER_EVENT || f == Frequency.CONTINUOUS;
    }
}
