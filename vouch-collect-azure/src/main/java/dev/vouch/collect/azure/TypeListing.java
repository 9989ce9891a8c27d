package dev.vouch.collect.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.collect.azureoffline.ArmRestNormalizer;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lists one ARM type in one subscription: follows {@code nextLink}, normalizes every {@code value}
 * item with {@link ArmRestNormalizer}, and turns a failure into one placeholder resource of the type
 * (so every check on it is ERROR) plus a {@link CollectionError}. Never throws for a bad response.
 */
final class TypeListing {
    static final String SOURCE = AzureLiveCollector.SOURCE;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** A runaway nextLink chain (a server returning the same link) stops here and is reported. */
    static final int MAX_PAGES = 10_000;

    /** Types whose REST objects are kept for a merge with a per-resource call (site + config/web). */
    static final java.util.Set<String> KEEP_RAW = java.util.Set.of("azure.web.site");

    /**
     * What one listing produced; {@code raw} holds the REST objects of {@link #KEEP_RAW} types only
     * (same order as their resources), empty otherwise.
     */
    record Result(List<Resource> resources, List<CollectionError> errors, List<JsonNode> raw) {
        Result(List<Resource> resources, List<CollectionError> errors) {
            this(resources, errors, List.of());
        }
    }

    private final AzureArm arm;
    private final Instant now;

    TypeListing(AzureArm arm, Instant now) {
        this.arm = arm;
        this.now = now;
    }

    Result list(ArmListType type, String subscriptionId) {
        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        List<JsonNode> raw = new ArrayList<>();
        boolean keepRaw = KEEP_RAW.contains(type.vouchType());
        String url = type.url(arm.baseUrl(), subscriptionId);
        int pages = 0;
        while (url != null) {
            Origin origin = Origin.of(SOURCE, withoutQuery(url));
            Page page = fetch(url, origin, type, subscriptionId);
            if (page.failure() != null) {
                errors.add(new CollectionError(origin, page.failure()));
                resources.add(placeholder(type, subscriptionId, origin, page.failure()));
                break;
            }
            for (JsonNode item : page.items()) {
                int before = resources.size();
                normalize(item, origin, resources::add, errors::add);
                if (keepRaw && resources.size() > before) {
                    raw.add(item);
                }
            }
            url = page.nextLink();
            if (++pages >= MAX_PAGES && url != null) {
                String why = "listing " + type.armType() + " in subscription " + subscriptionId + " stopped after " + MAX_PAGES + " pages";
                errors.add(new CollectionError(origin, why));
                resources.add(placeholder(type, subscriptionId, origin, why));
                break;
            }
        }
        return new Result(resources, errors, raw);
    }

    /** One page: items and next link, or a failure message. */
    record Page(List<JsonNode> items, String nextLink, String failure) {
        static Page failed(String why) {
            return new Page(List.of(), null, why);
        }
    }

    /** The subscription list and resource lists share this: GET, check status, parse. */
    Page fetch(String url, Origin origin, ArmListType type, String subscriptionId) {
        AzureArm.ArmReply reply;
        try {
            reply = type.post() ? arm.post(url) : arm.get(url);
        } catch (RuntimeException e) {
            return Page.failed("listing " + type.armType() + " in subscription " + subscriptionId + " failed at "
                    + origin.location() + ": " + ArmFailures.scrub(String.valueOf(e.getMessage())));
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return Page.failed(ArmFailures.denied(reply.status(), reply.body(), type, subscriptionId));
        }
        if (!reply.ok()) {
            // An unregistered resource provider holds no resources of its types: an empty list, not an error.
            return ArmFailures.notRegistered(reply.body()) ? new Page(List.of(), null, null)
                    : Page.failed(ArmFailures.failed(reply.status(), reply.body(), type, subscriptionId, origin.location()));
        }
        return parse(reply.body(), origin.location());
    }

    static Page parse(String body, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return Page.failed("malformed JSON from " + where + position + ": " + ArmFailures.scrub(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject() || !root.path("value").isArray()) {
            return Page.failed("unexpected response from " + where + ": expected an ARM list page {value:[…]}");
        }
        List<JsonNode> items = new ArrayList<>(root.path("value").size());
        JsonNode context = root.path("@odata.context");
        for (JsonNode item : root.path("value")) {
            // Policy Insights summaries are identified by their OData context; some pages give it only once, on top.
            if (context.isTextual() && item.isObject() && !item.has("@odata.context") && !item.has("id")) {
                item = ((com.fasterxml.jackson.databind.node.ObjectNode) item.deepCopy()).put("@odata.context", context.textValue() + "/$entity");
            }
            items.add(item);
        }
        JsonNode next = root.path("nextLink");
        return new Page(items, next.isTextual() && !next.textValue().isBlank() ? next.textValue() : null, null);
    }

    /** One JSON document, or a missing node when it does not parse (see {@link #objectFailure}). */
    static JsonNode parseObject(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** Why a single-resource body is unusable (malformed JSON, not an object), or empty. */
    static String objectFailure(String body, JsonNode parsed, String where) {
        if (parsed.isMissingNode()) {
            try {
                JSON.readTree(body);
                return "empty response from " + where + ": expected an ARM resource object";
            } catch (JsonProcessingException e) {
                var at = e.getLocation();
                String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                return "malformed JSON from " + where + position + ": " + ArmFailures.scrub(e.getOriginalMessage());
            }
        }
        return parsed.isObject() ? "" : "unexpected response from " + where + ": expected an ARM resource object";
    }

    private void normalize(JsonNode item, Origin origin, Consumer<Resource> out, Consumer<CollectionError> errors) {
        try {
            out.accept(ArmRestNormalizer.normalize(item, origin, now));
        } catch (IllegalArgumentException e) {
            errors.accept(new CollectionError(origin, "item from " + origin.location() + " is not a resource: " + e.getMessage()));
        }
    }

    Resource placeholder(ArmListType type, String subscriptionId, Origin origin, String error) {
        String scope = "/subscriptions/" + subscriptionId;
        return Resource.builder(type.vouchType(), scope + "/providers/" + type.armType())
                .name(type.vouchType() + " in subscription " + subscriptionId + " (not readable)")
                .provider("azure").scope(scope).attribute("placeholder", Boolean.TRUE)
                .origin(origin).collectedAt(now).error(error).build();
    }

    static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
