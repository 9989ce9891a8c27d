package dev.vouch.collect.azureoffline;

import dev.vouch.collect.files.LocatedJson;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Public entry to the normalization {@link AzureExportCollector} applies to each resource object, for
 * collectors that read ARM REST themselves (the live collector): one REST object gives exactly the
 * Resource an export of the same object gives, so live, exported and Terraform resources share shapes.
 */
public final class ArmRestNormalizer {
    private static final ResourceNormalizer NORMALIZER = new ResourceNormalizer(ArmTypeTable.load());

    private ArmRestNormalizer() {}

    /**
     * Normalizes one ARM REST resource object (an element of a list page's {@code value}).
     *
     * @throws IllegalArgumentException when the object is not a resource (not an object, no id, no type);
     *     the message says why
     */
    public static Resource normalize(JsonNode restObject, Origin origin, Instant collectedAt) {
        Objects.requireNonNull(restObject, "restObject");
        if (!restObject.isObject()) {
            throw new IllegalArgumentException("expected an Azure resource object, was " + restObject.getNodeType());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) plain(restObject);
        try {
            return NORMALIZER.normalize(plain, origin, collectedAt).build();
        } catch (ResourceNormalizer.InvalidResource e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The synthetic {@code azure.resources.subscription} the export collector emits for a subscription seen. */
    public static Resource subscription(String subscriptionId, Origin origin, Instant collectedAt) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        SubscriptionLedger ledger = new SubscriptionLedger();
        ledger.saw("/subscriptions/" + subscriptionId, origin);
        return ledger.synthetic(collectedAt).get(0);
    }

    /** JsonNode to the plain values {@link LocatedJson} produces (Map, List, String, Long, Double, Boolean, null). */
    private static Object plain(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> e = fields.next();
                    map.put(e.getKey(), plain(e.getValue()));
                }
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(item -> list.add(plain(item)));
                yield list;
            }
            case STRING -> node.textValue();
            case NUMBER -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
            case BOOLEAN -> node.booleanValue();
            default -> null;
        };
    }
}
