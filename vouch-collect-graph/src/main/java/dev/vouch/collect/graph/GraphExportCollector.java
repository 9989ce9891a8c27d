package dev.vouch.collect.graph;

import dev.vouch.collect.files.SourceFiles;
import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Reads saved Microsoft Graph responses (a directory of {@code *.json}, recursively, or one file) and
 * normalizes them to {@code entra.user}, {@code entra.conditional_access_policy},
 * {@code entra.application} and one synthetic {@code entra.tenant} (docs/graph.md). One call reads one
 * tenant's export.
 */
public final class GraphExportCollector implements Collector {
    private final Clock clock;

    public GraphExportCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String source() {
        return GraphObject.SOURCE;
    }

    @Override
    public Collection collect(Path path) {
        SourceFiles files = SourceFiles.of(path, "Graph export", ".json");
        ExportReader reader = new ExportReader();
        for (Path file : files.files()) {
            reader.read(file, files.display(file));
        }
        List<CollectionError> errors = new ArrayList<>(reader.errors());
        List<GraphObject> objects = reader.objects();
        if (objects.isEmpty() && reader.seen().isEmpty()) {
            return new Collection(List.of(), errors);
        }
        Instant now = clock.instant();
        Tenant tenant = tenant(objects, errors);
        RoleIndex roles = RoleIndex.of(objects, reader.seen());
        List<Resource> resources = new ArrayList<>();
        resources.add(TenantBuilder.build(tenant, objects, reader.seen(), roles, files.display(path), now));
        resources.addAll(new UserBuilder(tenant, now, roles).build(objects));
        for (GraphObject o : objects) {
            switch (o.kind()) {
                case CONDITIONAL_ACCESS_POLICY -> resources.add(plain("entra.conditional_access_policy",
                        "/conditionalAccess/policies/", o, tenant, now));
                case APPLICATION -> resources.add(plain("entra.application", "/applications/", o, tenant, now));
                default -> { }
            }
        }
        return new Collection(dedupe(resources), errors);
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
