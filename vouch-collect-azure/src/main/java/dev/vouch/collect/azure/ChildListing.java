package dev.vouch.collect.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.collect.azureoffline.ArmRestNormalizer;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link ChildType} call for one parent. Children are normalized with {@link ArmRestNormalizer}; a
 * merge call re-normalizes the parent's REST object with the merged part. A denied, throttled-out or
 * malformed call becomes a placeholder child (every check on it is ERROR) or, for a merge, the parent
 * with that error, plus a {@link CollectionError} naming the parent, its subscription and the permission.
 */
final class ChildListing {
    static final String SOURCE = AzureLiveCollector.SOURCE;

    /** What one call produced; {@code replaced} holds the re-normalized parent of a merge call (0 or 1). */
    record Result(List<Resource> resources, List<CollectionError> errors, List<Resource> replaced) {}

    private final AzureArm arm;
    private final Instant now;

    ChildListing(AzureArm arm, Instant now) {
        this.arm = arm;
        this.now = now;
    }

    /** @param rawParent the parent's REST object for a merge call; a missing node otherwise */
    Result fetch(ChildType child, Resource parent, JsonNode rawParent) {
        return switch (child.kind()) {
            case LIST -> list(child, parent);
            case SINGLE -> single(child, parent);
            case MERGE -> merge(child, parent, rawParent);
        };
    }

    private Result list(ChildType child, Resource parent) {
        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        String url = child.url(arm.baseUrl(), parent.id());
        for (int pages = 0; url != null; pages++) {
            Origin origin = Origin.of(SOURCE, TypeListing.withoutQuery(url));
            if (pages >= TypeListing.MAX_PAGES) {
                return failedChild(child, parent, origin, "listing " + child.suffix() + " of " + where(child, parent)
                        + " stopped after " + TypeListing.MAX_PAGES + " pages");
            }
            Fetched got = get(child, parent, url, origin);
            TypeListing.Page page = got.failure().isEmpty() ? TypeListing.parse(got.body(), origin.location())
                    : TypeListing.Page.failed(got.failure());
            if (page.failure() != null) {
                return failedChild(child, parent, origin, page.failure());
            }
            page.items().forEach(item -> normalize(item, origin, resources, errors));
            url = page.nextLink();
        }
        return new Result(resources, errors, List.of());
    }

    private Result single(ChildType child, Resource parent) {
        String url = child.url(arm.baseUrl(), parent.id());
        Origin origin = Origin.of(SOURCE, TypeListing.withoutQuery(url));
        Fetched got = get(child, parent, url, origin);
        JsonNode object = TypeListing.parseObject(got.body());
        String why = got.failure().isEmpty() ? TypeListing.objectFailure(got.body(), object, origin.location()) : got.failure();
        if (!why.isEmpty()) {
            return failedChild(child, parent, origin, why);
        }
        List<Resource> resources = new ArrayList<>(1);
        List<CollectionError> errors = new ArrayList<>();
        normalize(object, origin, resources, errors);
        return new Result(resources, errors, List.of());
    }

    private Result merge(ChildType child, Resource parent, JsonNode rawParent) {
        String url = child.url(arm.baseUrl(), parent.id());
        Origin origin = Origin.of(SOURCE, TypeListing.withoutQuery(url));
        Fetched got = get(child, parent, url, origin);
        JsonNode object = TypeListing.parseObject(got.body());
        String why = got.failure().isEmpty() ? TypeListing.objectFailure(got.body(), object, origin.location()) : got.failure();
        if (why.isEmpty() && (!object.path("properties").isObject() || !rawParent.isObject())) {
            why = "unexpected response from " + origin.location() + ": expected an object with 'properties'";
        }
        if (!why.isEmpty()) {
            return new Result(List.of(), List.of(new CollectionError(origin, why)), List.of(withError(parent, why)));
        }
        ObjectNode merged = (ObjectNode) rawParent.deepCopy();
        ObjectNode properties = merged.path("properties").isObject() ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
        JsonNode existing = properties.path(child.mergeInto());
        ObjectNode target = existing.isObject() ? (ObjectNode) existing : properties.putObject(child.mergeInto());
        target.setAll((ObjectNode) object.get("properties"));
        properties.set(child.mergeInto(), target);
        return new Result(List.of(), List.of(), List.of(ArmRestNormalizer.normalize(merged, parent.origin(), now)));
    }

    /** A 2xx body (failure empty), or the failure message (body empty). */
    private record Fetched(String body, String failure) {
        static Fetched failed(String why) {
            return new Fetched("", why);
        }
    }

    private Fetched get(ChildType child, Resource parent, String url, Origin origin) {
        AzureArm.ArmReply reply;
        try {
            reply = arm.get(url);
        } catch (RuntimeException e) {
            return Fetched.failed("reading " + child.suffix() + " of " + where(child, parent) + " failed at " + origin.location()
                    + ": " + ArmFailures.scrub(String.valueOf(e.getMessage())));
        }
        if (reply.status() == 401 || reply.status() == 403) {
            return Fetched.failed(ArmFailures.denied(reply.status(), reply.body(), child.permission(), where(child, parent)));
        }
        if (!reply.ok()) {
            return Fetched.failed(ArmFailures.failed(reply.status(), reply.body(),
                    "reading " + child.suffix() + " of " + where(child, parent), origin.location()));
        }
        return new Fetched(reply.body(), "");
    }

    static String where(ChildType child, Resource parent) {
        return child.parentNoun() + " " + parent.name() + " in subscription "
                + parent.scope().substring(parent.scope().lastIndexOf('/') + 1);
    }

    private void normalize(JsonNode item, Origin origin, List<Resource> out, List<CollectionError> errors) {
        try {
            out.add(ArmRestNormalizer.normalize(item, origin, now));
        } catch (IllegalArgumentException e) {
            errors.add(new CollectionError(origin, "item from " + origin.location() + " is not a resource: " + e.getMessage()));
        }
    }

    private Result failedChild(ChildType child, Resource parent, Origin origin, String why) {
        Resource placeholder = Resource.builder(child.vouchType(), parent.id() + "/" + child.suffix())
                .name(child.vouchType() + " of " + where(child, parent) + " (not readable)")
                .provider("azure").scope(parent.scope()).attribute("placeholder", Boolean.TRUE)
                .attribute("parentId", parent.id()).origin(origin).collectedAt(now).error(why).build();
        return new Result(List.of(placeholder), List.of(new CollectionError(origin, why)), List.of());
    }

    /** The same resource with one more error, so every check on it is ERROR. */
    static Resource withError(Resource r, String error) {
        List<String> errors = new ArrayList<>(r.errors());
        errors.add(error);
        return new Resource(r.type(), r.id(), r.name(), r.provider(), r.scope(), r.location(), r.tags(), r.properties(),
                r.attributes(), r.origin(), r.collectedAt(), r.unknowns(), errors);
    }
}
