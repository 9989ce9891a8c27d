package dev.vouch.collect.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Directory roles held by each principal, from {@code roleManagement/directory/roleAssignments} and
 * {@code directoryRoles?$expand=members}, named from {@code directoryRoles}/{@code roleDefinitions}
 * when exported, else from the built-in table. {@link #known()} is false when no role data was exported.
 */
final class RoleIndex {
    static final String GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";

    /** Built-in directory role template ids counted as privileged (docs/graph.md lists them). */
    static final Map<String, String> PRIVILEGED = privileged();

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> objectToTemplate = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> byPrincipal = new LinkedHashMap<>();
    private final boolean known;

    private RoleIndex(boolean known) {
        this.known = known;
    }

    static RoleIndex of(List<GraphObject> objects, Set<EntityKind> seen) {
        boolean membersExpanded = objects.stream()
                .anyMatch(o -> o.kind() == EntityKind.DIRECTORY_ROLE && o.body().containsKey("members"));
        RoleIndex index = new RoleIndex(seen.contains(EntityKind.ROLE_ASSIGNMENT) || membersExpanded);
        objects.forEach(index::learnName);
        for (GraphObject o : objects) {
            if (o.kind() == EntityKind.ROLE_ASSIGNMENT) {
                index.assign(o.string("principalId").orElse(""), o.string("roleDefinitionId").orElse(""),
                        o.string("directoryScopeId").orElse("/"));
            } else if (o.kind() == EntityKind.DIRECTORY_ROLE && o.body().get("members") instanceof List<?> members) {
                String template = o.string("roleTemplateId").orElse(o.id().orElse(""));
                for (Object m : members) {
                    if (m instanceof Map<?, ?> member && member.get("id") instanceof String id) {
                        index.assign(id, template, "/");
                    }
                }
            }
        }
        return index;
    }

    private void learnName(GraphObject o) {
        String name = o.string("displayName").orElse("");
        if (o.kind() == EntityKind.DIRECTORY_ROLE) {
            String template = o.string("roleTemplateId").orElse("").toLowerCase(Locale.ROOT);
            o.id().ifPresent(id -> objectToTemplate.put(id, template));
            if (!name.isEmpty()) {
                names.put(template, name);
            }
        } else if (o.kind() == EntityKind.ROLE_DEFINITION && !name.isEmpty()) {
            o.id().ifPresent(id -> names.put(id, name));
            o.string("templateId").ifPresent(t -> names.put(t.toLowerCase(Locale.ROOT), name));
        }
    }

    private void assign(String principalId, String roleId, String directoryScopeId) {
        if (principalId.isEmpty() || roleId.isEmpty()) {
            return;
        }
        String role = roleId.toLowerCase(Locale.ROOT);
        role = objectToTemplate.getOrDefault(role, role);
        List<Map<String, Object>> held = byPrincipal.computeIfAbsent(principalId.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        String finalRole = role;
        if (held.stream().anyMatch(r -> r.get("roleDefinitionId").equals(finalRole) && r.get("directoryScopeId").equals(directoryScopeId))) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("roleDefinitionId", role);
        entry.put("displayName", names.getOrDefault(role, PRIVILEGED.getOrDefault(role, role)));
        entry.put("directoryScopeId", directoryScopeId);
        entry.put("privileged", PRIVILEGED.containsKey(role));
        held.add(entry);
    }

    boolean known() {
        return known;
    }

    List<Map<String, Object>> rolesOf(String principalId) {
        return byPrincipal.getOrDefault(principalId.toLowerCase(Locale.ROOT), List.of());
    }

    List<String> privilegedRoleNames(String principalId) {
        Set<String> out = new LinkedHashSet<>();
        rolesOf(principalId).stream().filter(r -> Boolean.TRUE.equals(r.get("privileged")))
                .forEach(r -> out.add((String) r.get("displayName")));
        return new ArrayList<>(out);
    }

    long principalsHolding(String templateId) {
        return byPrincipal.values().stream()
                .filter(roles -> roles.stream().anyMatch(r -> r.get("roleDefinitionId").equals(templateId)))
                .count();
    }

    long privilegedPrincipals() {
        return byPrincipal.keySet().stream().filter(p -> !privilegedRoleNames(p).isEmpty()).count();
    }

    private static Map<String, String> privileged() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(GLOBAL_ADMINISTRATOR, "Global Administrator");
        m.put("e8611ab8-c189-46e8-94e1-60213ab1f814", "Privileged Role Administrator");
        m.put("7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator");
        m.put("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator");
        m.put("fe930be7-5e62-47db-91af-98c3a49a38b1", "User Administrator");
        m.put("29232cdf-9323-42fd-ade2-1d097af3e4de", "Exchange Administrator");
        m.put("f28a1f50-f6e7-4571-818b-6a12f2af6b6c", "SharePoint Administrator");
        m.put("9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", "Application Administrator");
        m.put("158c047a-c907-4556-b7ef-446551a6b5f7", "Cloud Application Administrator");
        m.put("b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", "Conditional Access Administrator");
        m.put("c4e39bd9-1100-46d3-8c65-fb160da0071f", "Authentication Administrator");
        m.put("b0f54661-2d74-4c50-afa3-1ec803f12efe", "Billing Administrator");
        m.put("729827e3-9c14-49f7-bb1b-9608f156bbb8", "Helpdesk Administrator");
        return Map.copyOf(m);
    }
}
