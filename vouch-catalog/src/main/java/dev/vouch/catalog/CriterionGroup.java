package dev.vouch.catalog;

import java.util.Objects;

/**
 * A group of criteria, e.g. {@code CC6} "Logical and physical access controls".
 *
 * @param id the group id ({@code CC1} … {@code CC9}, {@code A1}, {@code C1}, {@code PI1}, {@code P1} … {@code P8})
 * @param category the category every criterion of the group belongs to
 * @param name a short name in our own words
 */
public record CriterionGroup(String id, Category category, String name) {

    public CriterionGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
    }
}
