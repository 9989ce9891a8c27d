package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vouch.collect.azureoffline.AzureExportCollector;
import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Live resources are the export collector's resources for the same REST objects, origin aside. */
class NormalizationParityTest {

    /** Everything a check can see; origin (source and URL vs file and line) legitimately differs. */
    record Seen(String type, String id, String name, String provider, String scope, String location,
                Map<String, String> tags, Map<String, Object> properties, Map<String, Object> attributes,
                Object collectedAt, Set<String> unknowns, List<String> errors) {
        static Seen of(Resource r) {
            return new Seen(r.type(), r.id(), r.name(), r.provider(), r.scope(), r.location(), r.tags(),
                    r.properties(), r.attributes(), r.collectedAt(), r.unknowns(), r.errors());
        }
    }

    @Test
    void liveAndExportedGiveTheSameResources() {
        WireMockServer server = new WireMockServer(options().dynamicPort());
        server.start();
        try {
            TenantMock.stubTenant(server);
            Collection live = new AzureLiveCollector(AzureLiveCollectorTest.CLOCK, AzureArm.forTesting(server.baseUrl()),
                    Set.of(), 3).collect();
            AzureExportCollector export = new AzureExportCollector(AzureLiveCollectorTest.CLOCK);
            Collection exported = export.collect(TenantMock.resourceDir("sub-a"))
                    .plus(export.collect(TenantMock.resourceDir("sub-b")));
            assertThat(exported.errors()).isEmpty();

            Map<String, Seen> liveById = live.resources().stream()
                    .collect(Collectors.toMap(Resource::id, Seen::of, (a, b) -> a));
            Map<String, Seen> exportById = exported.resources().stream()
                    .collect(Collectors.toMap(Resource::id, Seen::of, (a, b) -> a));
            // 16 REST objects (5+1 storage, 1 NSG, 1 vault, 2 VMs, 2 pricings, 1 contact, 3 assignments) + 2 subscriptions,
            // + 15 from children and new lists: 2 blob services, SQL server, 2 firewall rules, auditing, 2 databases,
            // TDE, the vault's diagnostic setting, Recovery Services vault, backup policy, classic administrator,
            // policy summary, and the web app as `az webapp show`/GET gives it (siteConfig = config/web).
            assertThat(exportById).hasSize(18 + 15);
            assertThat(liveById).containsAllEntriesOf(exportById);
            assertThat(live.resources().stream().filter(r -> !exportById.containsKey(r.id())).map(Resource::hasErrors))
                    .as("only the three placeholders are live-only").containsExactly(true, true, true);
            assertThat(live.resources()).filteredOn(r -> exportById.containsKey(r.id()))
                    .extracting(r -> r.origin().source()).containsOnly("azure");
        } finally {
            server.stop();
        }
    }

}
