package dev.vouch.collect.azureoffline;

import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Remembers every subscription scope seen and emits one synthetic {@code azure.resources.subscription}
 * per subscription (deduplicated case-insensitively) unless a real subscription resource was collected.
 */
final class SubscriptionLedger {
    static final String SUBSCRIPTION_TYPE = "azure.resources.subscription";

    private final Map<String, Origin> firstSeen = new LinkedHashMap<>();
    private final Map<String, String> spelling = new LinkedHashMap<>();
    private final Set<String> real = new HashSet<>();

    void saw(Resource resource) {
        if (resource.type().equals(SUBSCRIPTION_TYPE)) {
            real.add(resource.id().toLowerCase(Locale.ROOT));
        }
        saw(resource.scope(), resource.origin());
    }

    void saw(String scope, Origin origin) {
        if (scope.isEmpty()) {
            return;
        }
        String key = scope.toLowerCase(Locale.ROOT);
        if (!firstSeen.containsKey(key)) {
            firstSeen.put(key, new Origin(origin.source(), origin.location(), 0));
            spelling.put(key, scope);
        }
    }

    List<Resource> synthetic(Instant collectedAt) {
        List<Resource> out = new ArrayList<>();
        firstSeen.forEach((key, origin) -> {
            if (real.contains(key)) {
                return;
            }
            String id = spelling.get(key);
            String guid = AzureIds.subscriptionGuid(id).orElse(id);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("subscriptionId", guid);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("synthetic", Boolean.TRUE);
            out.add(Resource.builder(SUBSCRIPTION_TYPE, id).name(guid).provider(ResourceNormalizer.PROVIDER)
                    .scope(id).properties(properties).attributes(attributes)
                    .origin(origin).collectedAt(collectedAt).build());
        });
        return out;
    }
}
