package dev.vouch.model;

import java.util.ArrayList;
import java.util.List;

/** What one collector run produced: normalized resources and the errors met on the way. */
public record Collection(List<Resource> resources, List<CollectionError> errors) {
    public Collection {
        resources = List.copyOf(resources);
        errors = List.copyOf(errors);
    }

    public static Collection empty() {
        return new Collection(List.of(), List.of());
    }

    public Collection plus(Collection other) {
        List<Resource> r = new ArrayList<>(resources);
        r.addAll(other.resources);
        List<CollectionError> e = new ArrayList<>(errors);
        e.addAll(other.errors);
        return new Collection(r, e);
    }
}
