package dev.vouch.assess.sample;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One member of a population an auditor can sample: a change, a hire, a termination.
 *
 * @param id stable identifier within the population (pull request resource id, employee id)
 * @param kind {@code change}, {@code hire} or {@code termination}
 * @param at when the event happened (merge time; start or end date at 00:00 UTC)
 * @param description a human-readable line
 * @param attributes supporting facts (author, approvers, e-mail ...), sorted by key
 */
public record PopulationItem(String id, String kind, Instant at, String description,
        java.util.Map<String, String> attributes) {

    public PopulationItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        description = description == null ? "" : description;
        attributes = attributes == null ? java.util.Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
