package dev.vouch.assess.sample;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The complete set of occurrences of a control in a period, in the canonical order an auditor can
 * reproduce: by time ({@code at}), then by {@code id} (String order, UTF-16 code units).
 *
 * @param name the population's name, part of the sample seed: {@code changes}, {@code hires}, {@code terminations}
 * @param items the members, sorted by (at, id); ids are unique
 * @param source where they came from, e.g. {@code github.pull_request 2026-01-01T00:00:00Z..2026-04-01T00:00:00Z}
 * @param problems records that could not be placed in the population (shown next to it, never dropped silently)
 */
public record Population(String name, List<PopulationItem> items, String source, List<String> problems) {

    static final Comparator<PopulationItem> CANONICAL =
            Comparator.comparing(PopulationItem::at).thenComparing(PopulationItem::id);

    public Population {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("population name must not be blank (source " + source + ")");
        }
        items = items.stream().sorted(CANONICAL).toList();
        Set<String> seen = new HashSet<>();
        for (PopulationItem item : items) {
            if (!seen.add(item.id())) {
                throw new IllegalArgumentException("population '" + name + "' (" + source
                        + "): duplicate item id '" + item.id() + "'");
            }
        }
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public Population(String name, List<PopulationItem> items, String source) {
        this(name, items, source, List.of());
    }

    public int size() {
        return items.size();
    }
}
