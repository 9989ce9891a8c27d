package dev.vouch.cli.bench;

/**
 * What synthetic history to generate.
 *
 * @param days daily scans to record (one per day, the first at {@link HistoryGenerator#FIRST_SCAN})
 * @param resources resources in the estate (kept constant: each day removes as many as it adds)
 * @param churn share of resources that change per day (removed, added, or one check's outcome flipped)
 * @param seed the random seed: same spec, same history
 * @param checksPerResource at most this many catalog checks of its type run on each resource
 */
public record HistorySpec(int days, int resources, double churn, long seed, int checksPerResource) {
    public static final int DEFAULT_CHECKS_PER_RESOURCE = 3;

    public HistorySpec {
        if (days < 1) {
            throw new IllegalArgumentException("--history-days must be at least 1, was " + days);
        }
        if (resources < 1) {
            throw new IllegalArgumentException("--history-resources must be at least 1, was " + resources);
        }
        if (!(churn >= 0 && churn <= 1)) {
            throw new IllegalArgumentException("--churn must be a share between 0 and 1 (0.005 = 0.5 %/day), was " + churn);
        }
        if (checksPerResource < 1) {
            throw new IllegalArgumentException("checksPerResource must be at least 1, was " + checksPerResource);
        }
    }

    public HistorySpec(int days, int resources, double churn, long seed) {
        this(days, resources, churn, seed, DEFAULT_CHECKS_PER_RESOURCE);
    }

    /** Resources that change each day: {@code round(resources x churn)}. */
    public int changesPerDay() {
        return (int) Math.round(resources * churn);
    }
}
