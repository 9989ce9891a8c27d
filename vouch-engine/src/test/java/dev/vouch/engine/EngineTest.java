package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    static final String TLS = """
            id: AZ-STG-002
            title: Storage accounts reject TLS below 1.2
            severity: medium
            resource: azure.storage.account
            when: "!has(resource.kind) || resource.kind != 'FileStorage'"
            assert: has(resource.properties.minimumTlsVersion) && resource.properties.minimumTlsVersion in ['TLS1_2', 'TLS1_3']
            message: "'Storage account ' + resource.name + ' allows ' + get(resource, 'properties.minimumTlsVersion', 'the service default')"
            remediation: {text: Set the minimum TLS version to 1.2., cli: az storage account update --min-tls-version TLS1_2}
            references: {checkov: CKV_AZURE_44}
            tags: [encryption]
            """;

    @TempDir
    Path dir;

    static Resource storage(String name, Map<String, Object> props) {
        return Resource.builder("azure.storage.account", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/" + name)
                .name(name).provider("azure").scope("/subscriptions/s1").properties(new HashMap<>(props))
                .origin(new Origin("terraform", "main.tf", 12)).collectedAt(CLOCK.instant()).build();
    }

    List<Check> load(String... yamls) throws IOException {
        Path root = dir.resolve("checks");
        for (int i = 0; i < yamls.length; i++) {
            Path d = root.resolve("c" + i);
            Files.createDirectories(d);
            Files.writeString(d.resolve("check.yaml"), yamls[i]);
        }
        return new CheckLoader().loadDirectory(root);
    }

    Finding only(List<Check> checks, Resource r) {
        List<Finding> f = new Engine(checks, CLOCK).evaluate(List.of(r), List.of()).findings();
        assertThat(f).hasSize(1);
        return f.get(0);
    }

    @Test
    void passFailAndMessage() throws IOException {
        List<Check> checks = load(TLS);
        assertThat(only(checks, storage("good", Map.of("minimumTlsVersion", "TLS1_2"))).outcome()).isEqualTo(Outcome.PASS);
        Finding bad = only(checks, storage("bad", Map.of("minimumTlsVersion", "TLS1_0")));
        assertThat(bad.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(bad.message()).isEqualTo("Storage account bad allows TLS1_0");
        assertThat(bad.origin().display()).isEqualTo("main.tf:12");
    }

    @Test
    void absentValueFailsNeverPasses() throws IOException {
        Finding f = only(load(TLS), storage("absent", Map.of()));
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.message()).isEqualTo("Storage account absent allows the service default");
    }

    @Test
    void explicitNullIsNotAbsent() throws IOException {
        Map<String, Object> props = new HashMap<>();
        props.put("minimumTlsVersion", null);
        String isNull = TLS.replace("assert: has(", "assert: resource.properties.minimumTlsVersion == null || has(");
        assertThat(only(load(isNull), storage("n", props)).outcome()).isEqualTo(Outcome.PASS);
        assertThat(only(load(isNull), storage("a", Map.of())).outcome()).isEqualTo(Outcome.ERROR);
    }

    @Test
    void whenFalseIsNotApplicable() throws IOException {
        Resource r = Resource.builder("azure.storage.account", "x").attribute("kind", "FileStorage")
                .origin(Origin.of("azure-export", "a.json")).collectedAt(CLOCK.instant()).build();
        assertThat(only(load(TLS), r).outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void unresolvedValueIsUnknown() throws IOException {
        Resource r = Resource.builder("azure.storage.account", "x").unknown("properties.minimumTlsVersion")
                .origin(Origin.of("terraform", "main.tf")).collectedAt(CLOCK.instant()).build();
        Finding f = only(load(TLS), r);
        assertThat(f.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(f.message()).contains("resource.properties.minimumTlsVersion");
    }

    @Test
    void unknownThatDoesNotDecideStillResolves() throws IOException {
        String either = TLS.replace("assert: has(resource.properties.minimumTlsVersion) && resource.properties.minimumTlsVersion in ['TLS1_2', 'TLS1_3']",
                "assert: resource.properties.supportsHttpsTrafficOnly == true && resource.properties.minimumTlsVersion == 'TLS1_2'");
        Resource r = Resource.builder("azure.storage.account", "x").property("supportsHttpsTrafficOnly", false)
                .unknown("properties.minimumTlsVersion").origin(Origin.of("terraform", "main.tf"))
                .collectedAt(CLOCK.instant()).build();
        assertThat(only(load(either), r).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void collectorErrorIsErrorWithReason() throws IOException {
        Resource r = Resource.builder("azure.storage.account", "x").error("403 Forbidden on listKeys")
                .origin(Origin.of("azure", "https://management.azure.com/x")).collectedAt(CLOCK.instant()).build();
        Finding f = only(load(TLS), r);
        assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(f.message()).contains("403 Forbidden on listKeys");
    }

    @Test
    void runtimeTypeErrorIsErrorNamingTheCheck() throws IOException {
        String typed = TLS.replace("assert: has(resource.properties.minimumTlsVersion) && resource.properties.minimumTlsVersion in ['TLS1_2', 'TLS1_3']",
                "assert: resource.properties.minimumTlsVersion > 3");
        Finding f = only(load(typed), storage("t", Map.of("minimumTlsVersion", "TLS1_2")));
        assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(f.message()).startsWith("Check AZ-STG-002 could not evaluate its verdict");
    }

    @Test
    void joinRelatesByIdIgnoringCase() throws IOException {
        String kv = """
                id: AZ-LOG-005
                title: Key vaults send audit events to a diagnostic setting
                severity: medium
                resource: azure.keyvault.vault
                join:
                  diagnostics: {type: azure.monitor.diagnostic_setting, on: candidate.targetResourceId}
                assert: related.diagnostics.exists(d, d.properties.logs.exists(l, l.category == 'AuditEvent' && l.enabled))
                """;
        Resource vault = Resource.builder("azure.keyvault.vault", "/subscriptions/S1/resourceGroups/RG/providers/Microsoft.KeyVault/vaults/kv1")
                .origin(Origin.of("azure-export", "kv.json")).collectedAt(CLOCK.instant()).build();
        Resource other = Resource.builder("azure.keyvault.vault", "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2")
                .origin(Origin.of("azure-export", "kv.json")).collectedAt(CLOCK.instant()).build();
        Resource diag = Resource.builder("azure.monitor.diagnostic_setting", "d1")
                .attribute("targetResourceId", "/subscriptions/s1/resourcegroups/rg/providers/microsoft.keyvault/vaults/KV1")
                .property("logs", List.of(Map.of("category", "AuditEvent", "enabled", true)))
                .origin(Origin.of("azure-export", "diag.json")).collectedAt(CLOCK.instant()).build();
        List<Finding> f = new Engine(load(kv), CLOCK).evaluate(List.of(vault, other, diag), List.of()).findings();
        assertThat(f).extracting(Finding::resourceName, Finding::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(vault.id(), Outcome.PASS),
                        org.assertj.core.groups.Tuple.tuple(other.id(), Outcome.FAIL));
    }

    @Test
    void exceptionsExceptWhileValidAndAreReportedWhenExpiredOrUnused() throws IOException {
        List<Check> checks = load(TLS);
        Resource bad = storage("legacy", Map.of("minimumTlsVersion", "TLS1_0"));
        Resource bad2 = storage("other", Map.of("minimumTlsVersion", "TLS1_0"));
        Origin o = new Origin("workspace", "exceptions.yaml", 3);
        ExceptionRule valid = new ExceptionRule("EXC-1", "AZ-STG-002", "*/storageaccounts/LEGACY", "dana", "bridge",
                LocalDate.parse("2026-07-31"), o);
        ExceptionRule expired = new ExceptionRule("EXC-2", "AZ-STG-002", "*/other", "dana", "old", LocalDate.parse("2026-06-30"), o);
        ExceptionRule unused = new ExceptionRule("EXC-3", "AZ-STG-002", "*/nothing", "dana", "stale", LocalDate.parse("2027-01-01"), o);
        Engine.Evaluation e = new Engine(checks, CLOCK).evaluate(List.of(bad, bad2), List.of(valid, expired, unused));
        assertThat(e.findings()).extracting(Finding::resourceName, Finding::outcome, Finding::exceptionId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("legacy", Outcome.EXCEPTED, "EXC-1"),
                        org.assertj.core.groups.Tuple.tuple("other", Outcome.FAIL, ""));
        assertThat(e.notices()).extracting(ExceptionNotice::exceptionId, ExceptionNotice::kind)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("EXC-2", ExceptionNotice.Kind.EXPIRED),
                        org.assertj.core.groups.Tuple.tuple("EXC-3", ExceptionNotice.Kind.UNUSED));
    }

    @Test
    void manyResourcesKeepInputOrder() throws IOException {
        List<Resource> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(storage("s" + i, Map.of("minimumTlsVersion", i % 2 == 0 ? "TLS1_2" : "TLS1_0")));
        }
        List<Finding> f = new Engine(load(TLS), CLOCK).evaluate(many, List.of()).findings();
        assertThat(f).hasSize(500);
        assertThat(f.get(0).outcome()).isEqualTo(Outcome.PASS);
        assertThat(f.get(1).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(f.get(499).resourceName()).isEqualTo("s499");
    }

    @Test
    void joinByAKeyExpressionOfTheSubject() throws IOException {
        String disabled = """
                id: AZ-IAM-015
                title: Disabled users hold no Azure role assignments
                severity: high
                resource: entra.user
                join:
                  assignments: {type: azure.authorization.role_assignment, on: candidate.properties.principalId, key: resource.properties.id}
                when: resource.properties.accountEnabled == false
                assert: size(related.assignments) == 0
                """;
        Resource off = Resource.builder("entra.user", "tenant:t/users/AAA").property("id", "aaa").property("accountEnabled", false)
                .origin(Origin.of("graph-export", "users.json")).collectedAt(CLOCK.instant()).build();
        Resource clean = Resource.builder("entra.user", "tenant:t/users/bbb").property("id", "bbb").property("accountEnabled", false)
                .origin(Origin.of("graph-export", "users.json")).collectedAt(CLOCK.instant()).build();
        Resource ra = Resource.builder("azure.authorization.role_assignment", "/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/1")
                .property("principalId", "AAA").origin(Origin.of("azure-export", "ra.json")).collectedAt(CLOCK.instant()).build();
        List<Finding> f = new Engine(load(disabled), CLOCK).evaluate(List.of(off, clean, ra), List.of()).findings();
        assertThat(f).extracting(Finding::resourceId, Finding::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("tenant:t/users/AAA", Outcome.FAIL),
                org.assertj.core.groups.Tuple.tuple("tenant:t/users/bbb", Outcome.PASS));
    }

    @Test
    void anUnreadableRelatedResourceMakesTheVerdictErrorNotFail() throws IOException {
        String kv = """
                id: AZ-LOG-005
                title: Key vaults send audit events to a diagnostic setting
                severity: medium
                resource: azure.keyvault.vault
                join:
                  diagnostics: {type: azure.monitor.diagnostic_setting, on: candidate.targetResourceId}
                assert: related.diagnostics.exists(d, d.properties.logs.exists(l, l.category == 'AuditEvent' && l.enabled))
                """;
        Resource vault = Resource.builder("azure.keyvault.vault", "/subscriptions/s1/providers/Microsoft.KeyVault/vaults/kv1")
                .origin(Origin.of("azure", "https://management.azure.com/x")).collectedAt(CLOCK.instant()).build();
        Resource placeholder = Resource.builder("azure.monitor.diagnostic_setting", vault.id() + "/providers/Microsoft.Insights/diagnosticSettings")
                .attribute("targetResourceId", vault.id()).error("403 AuthorizationFailed: lacks microsoft.insights/diagnosticSettings/read")
                .origin(Origin.of("azure", "https://management.azure.com/y")).collectedAt(CLOCK.instant()).build();
        Finding f = new Engine(load(kv), CLOCK).evaluate(List.of(vault, placeholder), List.of()).findings().get(0);
        assertThat(f.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(f.message()).contains("Could not read related data", "403 AuthorizationFailed");
    }
}
