package dev.vouch.collect.graph;

import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code entra.user}: one per user id seen in the users export or the registration report, joined with
 * the registration report and directory role assignments. Facts an export did not carry are unknown
 * paths, so a check that depends on them is UNKNOWN (docs/graph.md).
 */
final class UserBuilder {
    private static final String NEVER = "0001-01-01";
    private final Tenant tenant;
    private final Instant now;
    private final RoleIndex roles;

    UserBuilder(Tenant tenant, Instant now, RoleIndex roles) {
        this.tenant = tenant;
        this.now = now;
        this.roles = roles;
    }

    List<Resource> build(List<GraphObject> objects) {
        Map<String, Merged> users = new LinkedHashMap<>();
        Map<String, GraphObject> registrations = new LinkedHashMap<>();
        for (GraphObject o : objects) {
            if (o.kind() == EntityKind.USER && o.id().isPresent()) {
                users.computeIfAbsent(o.id().get(), k -> new Merged(o, new LinkedHashMap<>(), new boolean[1])).add(o);
            } else if (o.kind() == EntityKind.REGISTRATION && o.id().isPresent()) {
                registrations.putIfAbsent(o.id().get(), o);
            }
        }
        registrations.forEach((id, r) -> users.computeIfAbsent(id, k -> fromRegistration(r)));
        List<Resource> out = new ArrayList<>();
        users.forEach((id, u) -> out.add(user(id, u, Optional.ofNullable(registrations.get(id)))));
        return out;
    }

    private record Merged(GraphObject first, Map<String, Object> props, boolean[] signInSelected) {
        void add(GraphObject o) {
            o.properties().forEach(props::putIfAbsent);
            signInSelected[0] |= o.signInSelected();
        }
    }

    private static Merged fromRegistration(GraphObject r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", r.body().get("id"));
        r.string("userPrincipalName").ifPresent(v -> p.put("userPrincipalName", v));
        r.string("userDisplayName").ifPresent(v -> p.put("displayName", v));
        return new Merged(r, p, new boolean[1]);
    }

    private Resource user(String id, Merged u, Optional<GraphObject> registration) {
        Map<String, Object> p = new LinkedHashMap<>(u.props());
        Resource.Builder b = Resource.builder("entra.user", tenant.scope() + "/users/" + id)
                .name(name(p, id)).provider("azure").scope(tenant.scope())
                .origin(u.first().origin()).collectedAt(now);
        registration.flatMap(r -> r.string("userType")).filter(t -> !p.containsKey("userType"))
                .ifPresent(t -> p.put("userType", t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1)));
        for (String selectable : List.of("accountEnabled", "userType", "createdDateTime")) {
            if (!p.containsKey(selectable)) {
                b.unknown("properties." + selectable);
            }
        }
        registration(p, b, registration);
        signIn(p, b, u.signInSelected()[0]);
        roles(p, b, id, registration);
        return b.properties(p).build();
    }

    private static String name(Map<String, Object> p, String id) {
        if (p.get("userPrincipalName") instanceof String upn) {
            return upn;
        }
        return p.get("displayName") instanceof String d ? d : id;
    }

    private static void registration(Map<String, Object> p, Resource.Builder b, Optional<GraphObject> registration) {
        if (registration.isEmpty()) {
            List.of("mfaRegistered", "isMfaRegistered", "isMfaCapable", "methodsRegistered", "isAdmin")
                    .forEach(k -> b.unknown("properties." + k));
            return;
        }
        Map<String, Object> r = registration.get().body();
        for (String k : List.of("isMfaRegistered", "isMfaCapable", "methodsRegistered", "isAdmin")) {
            if (r.containsKey(k)) {
                p.put(k, r.get(k));
            } else {
                b.unknown("properties." + k);
            }
        }
        if (r.get("isMfaRegistered") instanceof Boolean registered) {
            p.put("mfaRegistered", registered);
        } else {
            b.unknown("properties.mfaRegistered");
        }
    }

    private static void signIn(Map<String, Object> p, Resource.Builder b, boolean selected) {
        if (!selected) {
            b.unknown("properties.signInActivity");
            b.unknown("properties.lastActivityDateTime");
            return;
        }
        p.putIfAbsent("signInActivity", null);
        String latest = null;
        if (p.get("signInActivity") instanceof Map<?, ?> activity) {
            for (String k : List.of("lastSignInDateTime", "lastNonInteractiveSignInDateTime")) {
                if (activity.get(k) instanceof String t && !t.startsWith(NEVER) && (latest == null || later(t, latest))) {
                    latest = t;
                }
            }
        }
        p.put("lastActivityDateTime", latest);
    }

    private static boolean later(String a, String b) {
        try {
            return Instant.parse(a).isAfter(Instant.parse(b));
        } catch (java.time.format.DateTimeParseException e) {
            return a.compareTo(b) > 0;
        }
    }

    private void roles(Map<String, Object> p, Resource.Builder b, String id, Optional<GraphObject> registration) {
        if (roles.known()) {
            List<String> privileged = roles.privilegedRoleNames(id);
            p.put("roles", roles.rolesOf(id));
            p.put("privilegedRoles", privileged);
            p.put("isPrivileged", !privileged.isEmpty());
            return;
        }
        b.unknown("properties.roles");
        b.unknown("properties.privilegedRoles");
        Optional<Boolean> admin = registration.map(r -> r.body().get("isAdmin"))
                .filter(Boolean.class::isInstance).map(Boolean.class::cast);
        if (admin.isPresent()) {
            p.put("isPrivileged", admin.get());
        } else {
            b.unknown("properties.isPrivileged");
        }
    }
}
