package dev.vouch.collect.graph;

import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Graph objects of one tenant → {@code entra.*} resources (docs/graph.md). Shared by the export and the
 * live collector, so the same Graph responses normalize to the same resources whichever way they came.
 * A kind absent from {@code seen} was not read: the facts it carries become unknown paths.
 */
final class GraphNormalizer {
    private GraphNormalizer() {
    }

    /**
     * @param objects the objects read, in a stable order (it decides resource order and which duplicate wins)
     * @param seen the kinds whose responses were read (even when empty)
     * @param errors errors so far; a multi-tenant conflict is appended
     * @param fallback the tenant's origin when no organization/policy object was read
     */
    static Collection normalize(List<GraphObject> objects, Set<EntityKind> seen, List<CollectionError> errors,
            Origin fallback, Instant now) {
        List<CollectionError> allErrors = new ArrayList<>(errors);
        if (objects.isEmpty() && seen.isEmpty()) {
            return new Collection(List.of(), allErrors);
        }
        Tenant tenant = tenant(objects, allErrors);
        RoleIndex roles = RoleIndex.of(objects, seen);
        List<Resource> resources = new ArrayList<>();
        resources.add(TenantBuilder.build(tenant, objects, seen, roles, fallback, now));
        resources.addAll(new UserBuilder(tenant, now, roles).build(objects));
        for (GraphObject o : objects) {
            switch (o.kind()) {
                case CONDITIONAL_ACCESS_POLICY -> resources.add(plain("entra.conditional_access_policy",
                        "/conditionalAccess/policies/", o, tenant, now));
                case APPLICATION -> resources.add(plain("entra.application", "/applications/", o, tenant, now));
                default -> { }
            }
        }
        return new Collection(dedupe(resources), allErrors);
    }

    private static Tenant tenant(List<GraphObject> objects, List<CollectionError> errors) {
        Set<String> ids = new LinkedHashSet<>();
        objects.stream().filter(o -> o.kind() == EntityKind.ORGANIZATION).forEach(o -> o.id().ifPresent(ids::add));
        if (ids.size() > 1) {
            GraphObject second = objects.stream().filter(o -> o.kind() == EntityKind.ORGANIZATION)
                    .filter(o -> !o.id().orElse("").equals(ids.iterator().next())).findFirst().orElseThrow();
            errors.add(new CollectionError(second.origin(), "organization " + second.id().orElse("")
                    + " differs from " + ids.iterator().next() + ": one Graph export must hold one tenant; "
                    + "every resource is attributed to the first"));
        }
        return new Tenant(ids.isEmpty() ? Tenant.UNKNOWN : ids.iterator().next());
    }

    private static Resource plain(String type, String segment, GraphObject o, Tenant tenant, Instant now) {
        String id = o.id().orElse("line-" + o.line() + "-" + o.file());
        String name = o.string("displayName").orElse(id);
        return Resource.builder(type, tenant.scope() + segment + id).name(name).provider("azure")
                .scope(tenant.scope()).origin(o.origin()).collectedAt(now).properties(o.properties()).build();
    }

    /** Keeps the first resource of each id: pages saved twice or overlapping exports do not double-count. */
    private static List<Resource> dedupe(List<Resource> resources) {
        Set<String> ids = new LinkedHashSet<>();
        return resources.stream().filter(r -> ids.add(r.id().toLowerCase(Locale.ROOT))).toList();
    }
}
