package dev.vouch.collect.graph;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph entity kinds the collector understands, recognized from a response's
 * {@code @odata.context} (e.g. {@code …/$metadata#users(id,signInActivity)}), else from an object's
 * {@code @odata.type}, else from a distinctive shape. {@link #UNUSED} kinds are recognized but carry
 * nothing a check reads (sign-in logs, entitlement-management roles); they are counted on the tenant.
 */
enum EntityKind {
    USER(List.of("users"), "#microsoft.graph.user"),
    REGISTRATION(List.of("reports/authenticationmethods/userregistrationdetails"), "#microsoft.graph.userregistrationdetails"),
    CONDITIONAL_ACCESS_POLICY(List.of("identity/conditionalaccess/policies", "conditionalaccess/policies"),
            "#microsoft.graph.conditionalaccesspolicy"),
    ROLE_ASSIGNMENT(List.of("rolemanagement/directory/roleassignments"), "#microsoft.graph.unifiedroleassignment"),
    ROLE_DEFINITION(List.of("rolemanagement/directory/roledefinitions"), "#microsoft.graph.unifiedroledefinition"),
    DIRECTORY_ROLE(List.of("directoryroles"), "#microsoft.graph.directoryrole"),
    SECURITY_DEFAULTS(List.of("policies/identitysecuritydefaultsenforcementpolicy"),
            "#microsoft.graph.identitysecuritydefaultsenforcementpolicy"),
    AUTHORIZATION_POLICY(List.of("policies/authorizationpolicy"), "#microsoft.graph.authorizationpolicy"),
    APPLICATION(List.of("applications"), "#microsoft.graph.application"),
    ORGANIZATION(List.of("organization"), "#microsoft.graph.organization"),
    UNUSED(List.of("auditlogs/signins", "rolemanagement/entitlementmanagement/roleassignments",
            "rolemanagement/entitlementmanagement/roledefinitions"), "#microsoft.graph.signin");

    private final List<String> contexts;
    private final String odataType;

    EntityKind(List<String> contexts, String odataType) {
        this.contexts = contexts;
        this.odataType = odataType;
    }

    /**
     * The entity set named by an {@code @odata.context}: the part after {@code $metadata#}, without
     * {@code (select lists)}, {@code /$entity} and a trailing {@code /$ref}, lower-cased.
     */
    static String entitySet(String context) {
        int hash = context.indexOf("$metadata#");
        String set = hash >= 0 ? context.substring(hash + "$metadata#".length()) : context;
        String previous;
        do {
            previous = set;
            set = set.replaceAll("\\([^()]*\\)", "");
        } while (!set.equals(previous));
        set = set.replaceAll("/\\$entity$", "").replaceAll("/\\$ref$", "");
        return set.toLowerCase(Locale.ROOT);
    }

    static Optional<EntityKind> fromContext(String context) {
        String set = entitySet(context);
        for (EntityKind k : values()) {
            if (k.contexts.contains(set)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** From the object's {@code @odata.type}, else its shape; empty when neither tells. */
    static Optional<EntityKind> fromObject(Map<String, Object> o) {
        if (o.get("@odata.type") instanceof String t) {
            for (EntityKind k : values()) {
                if (k.odataType.equals(t.toLowerCase(Locale.ROOT))) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
        return fromShape(o);
    }

    private static Optional<EntityKind> fromShape(Map<String, Object> o) {
        if (o.containsKey("roleTemplateId")) {
            return Optional.of(DIRECTORY_ROLE);
        }
        if (o.containsKey("principalId") && o.containsKey("roleDefinitionId")) {
            boolean entitlement = o.get("appScopeId") instanceof String s && s.startsWith("/AccessPackageCatalog");
            return Optional.of(entitlement ? UNUSED : ROLE_ASSIGNMENT);
        }
        if (o.containsKey("isMfaRegistered")) {
            return Optional.of(REGISTRATION);
        }
        if (o.containsKey("conditions") && o.containsKey("grantControls")) {
            return Optional.of(CONDITIONAL_ACCESS_POLICY);
        }
        if (o.containsKey("appId") && (o.containsKey("passwordCredentials") || o.containsKey("keyCredentials"))) {
            return Optional.of(APPLICATION);
        }
        return Optional.empty();
    }

    String label() {
        return contexts.get(0);
    }
}
