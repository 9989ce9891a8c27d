package dev.vouch.collect.graph;

import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The synthetic {@code entra.tenant}: tenant-wide facts (security defaults, authorization policy,
 * role counts) so tenant-level checks have a subject. Facts not exported are unknown paths.
 */
final class TenantBuilder {
    private static final List<String> AUTHORIZATION_KEYS = List.of("defaultUserRolePermissions", "allowInvitesFrom",
            "guestUserRoleId", "allowUserConsentForRiskyApps", "allowEmailVerifiedUsersToJoinOrganization",
            "allowedToSignUpEmailBasedSubscriptions", "allowedToUseSSPR", "blockMsolPowerShell");

    private TenantBuilder() {
    }

    static Resource build(Tenant tenant, List<GraphObject> objects, java.util.Set<EntityKind> seen, RoleIndex roles,
            Origin fallback, Instant now) {
        Optional<GraphObject> org = first(objects, EntityKind.ORGANIZATION);
        Optional<GraphObject> defaults = first(objects, EntityKind.SECURITY_DEFAULTS);
        Optional<GraphObject> authorization = first(objects, EntityKind.AUTHORIZATION_POLICY);
        Origin origin = org.or(() -> defaults).or(() -> authorization).map(GraphObject::origin)
                .orElse(fallback);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("tenantId", tenant.id());
        Resource.Builder b = Resource.builder("entra.tenant", tenant.scope())
                .name(org.flatMap(o -> o.string("displayName")).orElse(tenant.scope()))
                .provider("azure").scope(tenant.scope()).origin(origin).collectedAt(now);
        if (defaults.isPresent() && defaults.get().body().get("isEnabled") instanceof Boolean enabled) {
            p.put("securityDefaultsEnabled", enabled);
        } else {
            b.unknown("properties.securityDefaultsEnabled");
        }
        authorization(p, b, authorization);
        if (roles.known()) {
            p.put("globalAdminCount", roles.principalsHolding(RoleIndex.GLOBAL_ADMINISTRATOR));
            p.put("privilegedUserCount", roles.privilegedPrincipals());
        } else {
            b.unknown("properties.globalAdminCount");
            b.unknown("properties.privilegedUserCount");
        }
        if (seen.contains(EntityKind.CONDITIONAL_ACCESS_POLICY)) {
            p.put("conditionalAccessPoliciesExported", true);
        } else {
            b.unknown("properties.conditionalAccessPoliciesExported");
        }
        Map<String, Object> unused = new TreeMap<>();
        objects.stream().filter(o -> o.kind() == EntityKind.UNUSED)
                .forEach(o -> unused.merge(o.file(), 1L, (x, y) -> (Long) x + (Long) y));
        p.put("unusedObjects", unused);
        return b.properties(p).build();
    }

    private static void authorization(Map<String, Object> p, Resource.Builder b, Optional<GraphObject> policy) {
        if (policy.isEmpty()) {
            AUTHORIZATION_KEYS.forEach(k -> b.unknown("properties." + k));
            return;
        }
        Map<String, Object> body = policy.get().body();
        for (String k : AUTHORIZATION_KEYS) {
            if (body.containsKey(k)) {
                p.put(k, body.get(k));
            } else {
                b.unknown("properties." + k);
            }
        }
        // beta names the consent policies at the top level; v1.0 puts them in defaultUserRolePermissions
        if (body.get("permissionGrantPolicyIdsAssignedToDefaultUserRole") instanceof List<?> beta
                && p.get("defaultUserRolePermissions") instanceof Map<?, ?> perms
                && !perms.containsKey("permissionGrantPoliciesAssigned")) {
            Map<String, Object> merged = new LinkedHashMap<>();
            perms.forEach((k, v) -> merged.put(String.valueOf(k), v));
            merged.put("permissionGrantPoliciesAssigned", beta);
            p.put("defaultUserRolePermissions", merged);
        }
    }

    private static Optional<GraphObject> first(List<GraphObject> objects, EntityKind kind) {
        return objects.stream().filter(o -> o.kind() == kind).findFirst();
    }
}
