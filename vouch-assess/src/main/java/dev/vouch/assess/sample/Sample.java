package dev.vouch.assess.sample;

import java.util.List;
import java.util.Objects;

/**
 * A reproducible sample of a population.
 *
 * @param controlId the control it tests (empty when sampled without one)
 * @param population the population's name (part of the seed)
 * @param source the population's source
 * @param populationSize how many items the population had
 * @param root the checkpoint root that seeded it
 * @param picks the chosen items in draw order
 */
public record Sample(String controlId, String population, String source, int populationSize, CheckpointRoot root,
        List<Pick> picks) {

    /**
     * One chosen item.
     *
     * @param draw 0-based draw number {@code i}
     * @param index 0-based position of the item in the population's canonical order
     * @param hash hex SHA-256 of the draw that chose it
     * @param item the item
     */
    public record Pick(int draw, int index, String hash, PopulationItem item) {
        public Pick {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(item, "item");
        }
    }

    public Sample {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(root, "root");
        picks = List.copyOf(picks);
    }

    public int size() {
        return picks.size();
    }

    /** The chosen positions in draw order. */
    public List<Integer> indices() {
        return picks.stream().map(Pick::index).toList();
    }
}
