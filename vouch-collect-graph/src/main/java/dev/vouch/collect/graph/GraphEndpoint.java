package dev.vouch.collect.graph;

import java.util.List;
import java.util.Optional;

/**
 * The Graph reads of a live collection, in the order their objects are normalized: path (with query),
 * the entity kind it returns, the least-privileged application permission it needs, and for
 * {@code users} the reduced query used when {@code signInActivity} is refused. See docs/permissions.md.
 */
enum GraphEndpoint {
    ORGANIZATION("/v1.0/organization", EntityKind.ORGANIZATION, "Organization.Read.All", null),
    USERS("/v1.0/users?$select=id,displayName,userPrincipalName,accountEnabled,userType,createdDateTime,signInActivity&$top=999",
            EntityKind.USER, "User.Read.All",
            "/v1.0/users?$select=id,displayName,userPrincipalName,accountEnabled,userType,createdDateTime&$top=999"),
    REGISTRATION("/v1.0/reports/authenticationMethods/userRegistrationDetails", EntityKind.REGISTRATION,
            "AuditLog.Read.All", null),
    CONDITIONAL_ACCESS("/v1.0/identity/conditionalAccess/policies", EntityKind.CONDITIONAL_ACCESS_POLICY,
            "Policy.Read.All", null),
    ROLE_ASSIGNMENTS("/v1.0/roleManagement/directory/roleAssignments", EntityKind.ROLE_ASSIGNMENT,
            "RoleManagement.Read.Directory", null),
    ROLE_DEFINITIONS("/v1.0/roleManagement/directory/roleDefinitions?$select=id,displayName,isBuiltIn,templateId",
            EntityKind.ROLE_DEFINITION, "RoleManagement.Read.Directory", null),
    SECURITY_DEFAULTS("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", EntityKind.SECURITY_DEFAULTS,
            "Policy.Read.All", null),
    AUTHORIZATION_POLICY("/v1.0/policies/authorizationPolicy", EntityKind.AUTHORIZATION_POLICY, "Policy.Read.All", null),
    APPLICATIONS("/v1.0/applications?$select=id,appId,displayName,passwordCredentials,keyCredentials&$top=999",
            EntityKind.APPLICATION, "Application.Read.All", null);

    static final List<GraphEndpoint> ALL = List.of(values());

    private final String path;
    private final EntityKind kind;
    private final String permission;
    private final String withoutSignIn;

    GraphEndpoint(String path, EntityKind kind, String permission, String withoutSignIn) {
        this.path = path;
        this.kind = kind;
        this.permission = permission;
        this.withoutSignIn = withoutSignIn;
    }

    String path() {
        return path;
    }

    EntityKind kind() {
        return kind;
    }

    String permission() {
        return permission;
    }

    /** The query to retry with when the first is refused because of {@code signInActivity}. */
    Optional<String> withoutSignIn() {
        return Optional.ofNullable(withoutSignIn);
    }

    /** The path without its query, as error messages name it. */
    String label() {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
