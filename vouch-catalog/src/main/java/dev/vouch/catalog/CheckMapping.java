package dev.vouch.catalog;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How the catalog's check references line up with the checks that actually exist. All collections
 * are sorted by id.
 *
 * @param mapped existing check ids that at least one control references
 * @param unmapped existing check ids that no control references
 * @param missing per control id, the referenced check ids that do not exist (only controls with any)
 */
public record CheckMapping(SortedSet<String> mapped, SortedSet<String> unmapped, SortedMap<String, SortedSet<String>> missing) {

    public CheckMapping {
        mapped = Collections.unmodifiableSortedSet(new TreeSet<>(mapped));
        unmapped = Collections.unmodifiableSortedSet(new TreeSet<>(unmapped));
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        missing.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
        missing = Collections.unmodifiableSortedMap(copy);
    }

    /** The referenced check ids that do not exist, over all controls. */
    public Set<String> missingCheckIds() {
        SortedSet<String> all = new TreeSet<>();
        missing.values().forEach(all::addAll);
        return Collections.unmodifiableSortedSet(all);
    }

    /** True when every existing check is mapped and every referenced check exists. */
    public boolean isComplete() {
        return unmapped.isEmpty() && missing.isEmpty();
    }

    static CheckMapping of(Map<String, ? extends Set<String>> missing, Set<String> mapped, Set<String> unmapped) {
        SortedMap<String, SortedSet<String>> copy = new TreeMap<>();
        missing.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        return new CheckMapping(new TreeSet<>(mapped), new TreeSet<>(unmapped), copy);
    }
}
