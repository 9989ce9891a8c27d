package dev.vouch.collect.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphExportCollectorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final Path BAD = Path.of("src/test/resources/bad");
    private static final String TENANT = "tenant:3c9d1b7e-5a2f-4e61-9b0d-7f2a8c4e6d10";
    private static final String ADA = TENANT + "/users/a1f3c5e7-0b2d-4f46-8a9c-1e3b5d7f9a02";
    private static final String EVE = TENANT + "/users/e5b7a9c1-4f6b-4d8a-8e3a-5c7f9b1d3e46";

    private final GraphExportCollector collector = new GraphExportCollector(CLOCK);

    @Test
    void normalizedExportMatchesTheGoldenFile() throws IOException {
        Collection c = collector.collect(GOLDEN.resolve("northwind"));
        assertThat(c.errors()).isEmpty();
        String actual = render(c.resources());
        Path expected = GOLDEN.resolve("northwind.expected.json");
        if (Boolean.getBoolean("graph.golden.update")) {
            Files.writeString(expected, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(expected));
    }

    @Test
    void usersAreJoinedWithRegistrationDetailsAndRoles() {
        Map<String, Resource> byId = byId(collector.collect(GOLDEN.resolve("northwind")));
        Resource ada = byId.get(ADA);
        assertThat(ada.properties()).containsEntry("mfaRegistered", true).containsEntry("isAdmin", true)
                .containsEntry("isPrivileged", true).containsEntry("privilegedRoles", List.of("Global Administrator"))
                .containsEntry("lastActivityDateTime", "2026-06-29T22:10:00.1234567Z");
        assertThat(ada.properties().get("roles")).asList().hasSize(2);
        Resource eve = byId.get(EVE);
        assertThat(eve.properties()).containsEntry("mfaRegistered", false).containsEntry("userType", "Guest")
                .containsEntry("privilegedRoles", List.of("Security Administrator"));
        Resource chi = byId.get(TENANT + "/users/c3d5e7a9-2d4f-4b68-8c1e-3a5d7f9b1c24");
        assertThat(chi.properties()).doesNotContainKey("mfaRegistered").containsEntry("isPrivileged", false)
                .containsEntry("signInActivity", null).containsEntry("lastActivityDateTime", null);
        assertThat(chi.unknowns()).contains("properties.mfaRegistered", "properties.methodsRegistered");
        Resource devOnlyInReport = byId.get(TENANT + "/users/d4c6f8b0-3e5a-4c79-9d2f-4b6e8a0c2d35");
        assertThat(devOnlyInReport.properties()).containsEntry("userType", "Member").containsEntry("mfaRegistered", true);
        assertThat(devOnlyInReport.unknowns()).contains("properties.accountEnabled", "properties.signInActivity");
        assertThat(devOnlyInReport.origin().location()).isEqualTo("userRegistrationDetails.json");
    }

    @Test
    void pagesInSeveralFilesMakeOneUserSetAndTheTenantCountsRoles() {
        Collection c = collector.collect(GOLDEN.resolve("northwind"));
        assertThat(c.resources().stream().filter(r -> r.type().equals("entra.user")).map(Resource::name))
                .containsExactly("ada.admin@northwind.example", "chi.nguyen@northwind.example",
                        "eve_fabrikam.example#EXT#@northwind.onmicrosoft.com", "devi.rao@northwind.example");
        assertThat(byId(c).get(EVE).origin().location()).isEqualTo("users/users-page2.json");
        assertThat(byId(c).get(EVE).origin().line()).isEqualTo(4);
        Resource tenant = byId(c).get(TENANT);
        assertThat(tenant.name()).isEqualTo("Northwind Traders");
        assertThat(tenant.properties()).containsEntry("globalAdminCount", 1L).containsEntry("privilegedUserCount", 2L)
                .containsEntry("securityDefaultsEnabled", false).containsEntry("allowInvitesFrom", "everyone")
                .containsEntry("conditionalAccessPoliciesExported", true);
    }

    @Test
    void missingExportsBecomeUnknownPathsNotValues() {
        Collection c = collector.collect(BAD.resolve("authorizationPolicy.json"));
        assertThat(c.errors()).isEmpty();
        Resource tenant = c.resources().get(0);
        assertThat(tenant.id()).isEqualTo("tenant:unknown");
        assertThat(tenant.properties()).containsEntry("allowInvitesFrom", "none").doesNotContainKey("securityDefaultsEnabled");
        assertThat(tenant.unknowns()).containsExactlyInAnyOrder("properties.securityDefaultsEnabled",
                "properties.allowUserConsentForRiskyApps", "properties.allowEmailVerifiedUsersToJoinOrganization",
                "properties.allowedToSignUpEmailBasedSubscriptions", "properties.allowedToUseSSPR",
                "properties.blockMsolPowerShell", "properties.globalAdminCount", "properties.privilegedUserCount",
                "properties.conditionalAccessPoliciesExported");
    }

    @Test
    void malformedAndUnrecognizedFilesAreNamedAndTheRestIsRead() {
        Collection c = collector.collect(BAD);
        assertThat(c.errors()).extracting(CollectionError::display).containsExactly(
                "groups.json:1: unrecognized @odata.context entity set 'groups' (Vouch reads users, userRegistrationDetails, "
                        + "conditionalAccess/policies, roleAssignments, roleDefinitions, directoryRoles, "
                        + "identitySecurityDefaultsEnforcementPolicy, authorizationPolicy, applications, organization; see docs/graph.md)",
                "mixed-no-context.json:10: cannot tell which Graph entity this object is: no @odata.context, "
                        + "no known @odata.type ('#microsoft.graph.group'), no known shape",
                "trailing-comma.json:8: invalid JSON at column 5: Unexpected character ('}' (code 125)): "
                        + "was expecting double-quote to start field name");
        assertThat(c.resources()).extracting(Resource::type).containsExactly("entra.tenant", "entra.application");
        assertThat(c.resources().get(1).origin().display()).isEqualTo("mixed-no-context.json:2");
    }

    @Test
    void unusablePathsAreRejectedWithTheirName(@TempDir Path dir) {
        assertThatThrownBy(() -> collector.collect(dir.resolve("nope"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> collector.collect(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no *.json files");
    }

    @Test
    void contextSelectListsAndEntitySuffixesAreIgnored() {
        assertThat(EntityKind.entitySet("https://graph.microsoft.com/v1.0/$metadata#users(id,signInActivity)")).isEqualTo("users");
        assertThat(EntityKind.entitySet("https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignments(principal())"))
                .isEqualTo("rolemanagement/directory/roleassignments");
        assertThat(EntityKind.fromContext("https://graph.microsoft.com/beta/$metadata#policies/authorizationPolicy/$entity"))
                .contains(EntityKind.AUTHORIZATION_POLICY);
        assertThat(EntityKind.fromContext("https://graph.microsoft.com/v1.0/$metadata#groups")).isEmpty();
    }

    private static Map<String, Resource> byId(Collection c) {
        Map<String, Resource> m = new LinkedHashMap<>();
        c.resources().forEach(r -> m.put(r.id(), r));
        return m;
    }

    static String render(List<Resource> resources) throws IOException {
        List<Map<String, Object>> out = resources.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("provider", r.provider());
            m.put("scope", r.scope());
            m.put("origin", r.origin().display());
            m.put("properties", r.properties());
            m.put("unknowns", new TreeSet<>(r.unknowns()));
            return m;
        }).toList();
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out) + "\n";
    }
}
