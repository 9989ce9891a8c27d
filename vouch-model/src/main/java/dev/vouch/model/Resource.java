package dev.vouch.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One normalized thing a check can look at. Every source maps onto this one model, so a check is
 * written once: a Terraform {@code azurerm_storage_account}, an ARM template resource, an
 * {@code az storage account list} entry and an ARM REST response all become
 * {@code azure.storage.account} with ARM REST property names.
 *
 * <p>Values inside {@code properties} and {@code attributes} are plain JSON-like Java values:
 * {@link String}, {@link Long} (all integers), {@link Double}, {@link Boolean}, {@link List},
 * {@link Map} with String keys, and {@code null} for an explicit JSON null. Absent, null and false
 * are three different states.
 *
 * @param type the Vouch resource type, e.g. {@code azure.storage.account}, {@code linux.sshd}
 * @param id unique within a scan; ARM ids are compared case-insensitively, so collectors keep them as given
 * @param name display name
 * @param provider {@code azure}, {@code aws}, {@code linux}, {@code git} ...
 * @param scope the enclosing account: subscription id, host name, repository path, Terraform directory
 * @param location region, or empty
 * @param tags resource tags
 * @param properties the resource's own settings (for Azure: the ARM REST {@code properties} object)
 * @param attributes other top-level fields (for Azure: {@code sku}, {@code kind}, {@code identity} ...)
 * @param origin where it came from (file and line for IaC)
 * @param collectedAt when it was read
 * @param unknowns paths whose value could not be resolved, relative to the resource, e.g.
 *     {@code properties.minimumTlsVersion}; a check whose verdict depends on one is UNKNOWN
 * @param errors reasons the resource's data could not be read; every check on it is ERROR
 */
public record Resource(
        String type,
        String id,
        String name,
        String provider,
        String scope,
        String location,
        Map<String, String> tags,
        Map<String, Object> properties,
        Map<String, Object> attributes,
        Origin origin,
        Instant collectedAt,
        Set<String> unknowns,
        List<String> errors) {

    public Resource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(collectedAt, "collectedAt");
        name = name == null ? id : name;
        provider = provider == null ? "" : provider;
        scope = scope == null ? "" : scope;
        location = location == null ? "" : location;
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(tags);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(properties);
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(attributes);
        unknowns = unknowns == null ? Set.of() : Collections.unmodifiableSet(unknowns);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public static Builder builder(String type, String id) {
        return new Builder(type, id);
    }

    /** A mutable builder for collectors; maps handed in are used as they are, not copied. */
    public static final class Builder {
        private final String type;
        private final String id;
        private String name;
        private String provider;
        private String scope;
        private String location;
        private Map<String, String> tags = new LinkedHashMap<>();
        private Map<String, Object> properties = new LinkedHashMap<>();
        private Map<String, Object> attributes = new LinkedHashMap<>();
        private Origin origin;
        private Instant collectedAt;
        private final Set<String> unknowns = new LinkedHashSet<>();
        private final List<String> errors = new java.util.ArrayList<>();

        private Builder(String type, String id) {
            this.type = type;
            this.id = id;
        }

        public Builder name(String v) { this.name = v; return this; }
        public Builder provider(String v) { this.provider = v; return this; }
        public Builder scope(String v) { this.scope = v; return this; }
        public Builder location(String v) { this.location = v; return this; }
        public Builder tags(Map<String, String> v) { this.tags = v; return this; }
        public Builder properties(Map<String, Object> v) { this.properties = v; return this; }
        public Builder property(String key, Object value) { this.properties.put(key, value); return this; }
        public Builder attributes(Map<String, Object> v) { this.attributes = v; return this; }
        public Builder attribute(String key, Object value) { this.attributes.put(key, value); return this; }
        public Builder origin(Origin v) { this.origin = v; return this; }
        public Builder collectedAt(Instant v) { this.collectedAt = v; return this; }
        public Builder unknown(String path) { this.unknowns.add(path); return this; }
        public Builder unknowns(Set<String> paths) { this.unknowns.addAll(paths); return this; }
        public Builder error(String reason) { this.errors.add(reason); return this; }

        public Resource build() {
            return new Resource(type, id, name, provider, scope, location, tags, properties, attributes,
                    origin, collectedAt, new LinkedHashSet<>(unknowns), errors);
        }
    }
}
