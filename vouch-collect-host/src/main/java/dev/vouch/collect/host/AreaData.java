package dev.vouch.collect.host;

import dev.vouch.model.CollectionError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one area reader found: the properties of its {@code linux.<area>} resource, the reasons its
 * data could not be read ({@code errors}, making every check on it ERROR), and non-fatal problems
 * such as a malformed line ({@code problems}, reported as collection errors).
 */
record AreaData(String area, String origin, Map<String, Object> properties, List<String> errors,
        List<CollectionError> problems) {

    static Builder builder(String area, String origin) {
        return new Builder(area, origin);
    }

    static final class Builder {
        private final String area;
        private final String origin;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<String> errors = new ArrayList<>();
        private final List<CollectionError> problems = new ArrayList<>();

        private Builder(String area, String origin) {
            this.area = area;
            this.origin = origin;
        }

        Builder put(String key, Object value) {
            properties.put(key, value);
            return this;
        }

        Builder error(String reason) {
            errors.add(reason);
            return this;
        }

        Builder problems(List<CollectionError> more) {
            problems.addAll(more);
            return this;
        }

        AreaData build() {
            return new AreaData(area, origin, properties, errors, problems);
        }
    }
}
