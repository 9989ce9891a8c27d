package dev.vouch.collect.azureoffline;

import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one Azure resource object, in ARM REST shape ({@code properties} object) or in the flattened
 * SDK shape of {@code az … -o json}, into a Vouch {@link Resource} with REST property names. Both shapes
 * of the same resource give the same Resource (see azure-types.yaml for the differences handled).
 */
final class ResourceNormalizer {
    static final String PROVIDER = "azure";
    private static final Set<String> CORE = Set.of("id", "name", "type", "location", "tags", "properties");

    /** The object cannot become a resource (no id, no type); the message says why. */
    static final class InvalidResource extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidResource(String message) {
            super(message);
        }
    }

    private final ArmTypeTable table;

    ResourceNormalizer(ArmTypeTable table) {
        this.table = table;
    }

    ArmTypeTable table() {
        return table;
    }

    Resource.Builder normalize(Map<String, Object> raw, Origin origin, Instant collectedAt) {
        Map<String, Object> obj = PolicyStates.identify(raw).orElse(raw);
        String givenId = JsonValues.asString(obj.get("id"));
        if (givenId == null || givenId.isBlank()) {
            throw new InvalidResource("object has no 'id'" + (obj.get("type") == null ? " and no 'type'" : ""));
        }
        String slashed = AzureIds.withLeadingSlash(givenId);
        String givenType = JsonValues.asString(obj.get("type"));
        String armType = table.canonicalArmType(Optional.ofNullable(givenType).filter(t -> !t.isBlank())
                .or(() -> AzureIds.inferArmType(slashed))
                .orElseThrow(() -> new InvalidResource("resource '" + slashed + "' has no 'type' and its id names none")));
        String name = Optional.ofNullable(JsonValues.asString(obj.get("name"))).orElse(AzureIds.lastSegment(slashed));
        String id = AzureIds.completeChildId(slashed, armType, name);

        Optional<ArmTypeTable.TypeEntry> entry = table.entry(armType);
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        if (JsonValues.asMap(obj.get("properties")) != null) {
            fromRest(obj, entry, properties, attributes);
        } else {
            fromFlattened(obj, entry, properties, attributes);
        }
        if (fromSdk(obj)) {
            // The SDK models az prints carry every field, unset ones as null, where REST omits them.
            JsonValues.dropNulls(properties);
            JsonValues.dropNulls(attributes);
        }
        JsonValues.canonicalTimestamps(properties);
        JsonValues.canonicalTimestamps(attributes);
        entry.ifPresent(e -> SdkRenames.apply(properties, e, table.cliOnly()));
        if (entry.isEmpty()) {
            properties.put("armType", armType);
        }
        if (entry.map(e -> e.vouchType().equals("azure.monitor.diagnostic_setting")).orElse(false)) {
            AzureIds.diagnosticTarget(id).ifPresent(t -> attributes.put("targetResourceId", t));
        }
        return Resource.builder(table.vouchType(armType), id)
                .name(name)
                .provider(PROVIDER)
                .scope(AzureIds.subscriptionScope(id).orElse(""))
                .location(Optional.ofNullable(JsonValues.asString(obj.get("location"))).orElse(""))
                .tags(JsonValues.tags(obj.get("tags")))
                .properties(properties)
                .attributes(attributes)
                .origin(origin)
                .collectedAt(collectedAt);
    }

    /** az output: flattened, or REST-shaped with the az-only top-level resourceGroup. */
    private boolean fromSdk(Map<String, Object> obj) {
        return JsonValues.asMap(obj.get("properties")) == null || table.cliOnly().stream().anyMatch(obj::containsKey);
    }

    private void fromRest(Map<String, Object> obj, Optional<ArmTypeTable.TypeEntry> entry,
                          Map<String, Object> properties, Map<String, Object> attributes) {
        properties.putAll(JsonValues.copyMap(JsonValues.asMap(obj.get("properties"))));
        obj.forEach((key, value) -> {
            if (CORE.contains(key) || key.startsWith("@odata.")) {
                return;
            }
            if (entry.map(e -> e.cliExtras().contains(key)).orElse(false)) {
                attributes.put(key, JsonValues.copy(value));
            } else if (table.cliOnly().contains(key)) {
                if (entry.map(e -> e.keep().contains(key)).orElse(false)) {
                    properties.putIfAbsent(key, JsonValues.copy(value));
                }
            } else {
                attributes.put(table.topLevelRenames().getOrDefault(key, key), JsonValues.copy(value));
            }
        });
    }

    private void fromFlattened(Map<String, Object> obj, Optional<ArmTypeTable.TypeEntry> entry,
                               Map<String, Object> properties, Map<String, Object> attributes) {
        obj.forEach((key, value) -> {
            if (CORE.contains(key) || key.startsWith("@odata.")) {
                return;
            }
            String topName = table.topLevelRenames().getOrDefault(key, key);
            boolean propertyKey = entry.map(e -> e.propertyKeys().contains(topName)).orElse(false);
            if (entry.map(e -> e.cliExtras().contains(key)).orElse(false)) {
                attributes.put(key, JsonValues.copy(value));
            } else if (table.cliOnly().contains(key) && !entry.map(e -> e.keep().contains(key)).orElse(false)) {
                return;
            } else if (table.topLevel().contains(topName) && !propertyKey) {
                attributes.put(topName, JsonValues.copy(value));
            } else {
                properties.put(key, JsonValues.copy(value));
            }
        });
        properties.values().forEach(v -> SdkRenames.dropNestedCliOnly(v, table.cliOnly()));
    }
}
