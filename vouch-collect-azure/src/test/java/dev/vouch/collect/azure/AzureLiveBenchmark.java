package dev.vouch.collect.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.vouch.model.Collection;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/**
 * Mock-tenant benchmark, not a test: WireMock serving 20 subscriptions, each with 1,500 storage accounts
 * (pages of 1,000), 1,000 VMs, 20 SQL servers, 50 web apps, 20 key vaults and 5 Recovery Services vaults
 * (every other type empty), and children for every parent: a blob service per account; 2 firewall
 * rules, auditing and databases master + 2 (each with TDE) per server; config/web per site; a
 * diagnostic setting per key vault; 2 backup policies per Recovery Services vault. Each response is
 * delayed by a fixed latency. Prints wall time, requests served (counted by a WireMock listener) per
 * resource emitted (children included) and peak heap (WireMock shares the JVM).
 * Run: {@code java -cp <test classpath> dev.vouch.collect.azure.AzureLiveBenchmark [latencyMs] [concurrency] [storageDiagnostics]}.
 */
public final class AzureLiveBenchmark {
    static final int SUBSCRIPTIONS = 20;
    static final int STORAGE = 1_500;
    static final int VMS = 1_000;
    static final int PAGE = 1_000;
    static final int SQL_SERVERS = 20;
    static final int SITES = 50;
    static final int KEY_VAULTS = 20;
    static final int RECOVERY_VAULTS = 5;

    public static void main(String[] args) {
        int latency = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        boolean storageDiagnostics = args.length > 2 && Boolean.parseBoolean(args[2]);
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(64).asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(32).disableRequestJournal());
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        server.addMockServiceRequestListener((request, response) -> served.incrementAndGet());
        server.start();
        try {
            stub(server, latency);
            AzureLiveCollector collector = new AzureLiveCollector(Clock.systemUTC(), AzureArm.forTesting(server.baseUrl()), Set.of(),
                    concurrency, storageDiagnostics);
            collector.collect(); // warm-up: class loading, connection pool
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            served.set(0);
            long start = System.nanoTime();
            Collection result = collector.collect();
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            int requests = served.get();
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "heap after GC with the result held (WireMock stubs included)=%d MiB%n", retained / (1024 * 1024));
            System.out.printf(Locale.ROOT, "resources=%d errors=%d latency=%dms concurrency=%d storageDiagnostics=%b%n",
                    result.resources().size(), result.errors().size(), latency, concurrency, storageDiagnostics);
            result.errors().stream().limit(3).forEach(e -> System.out.println("error: " + e.message()));
            System.out.printf(Locale.ROOT, "time=%d ms, requests=%d (%.4f per resource), peak heap=%d MiB%n",
                    millis, requests, requests / (double) result.resources().size(), peak / (1024 * 1024));
        } finally {
            server.stop();
        }
    }

    private static void stub(WireMockServer server, int latency) {
        StringBuilder subs = new StringBuilder("{\"value\":[");
        for (int s = 0; s < SUBSCRIPTIONS; s++) {
            String id = subscription(s);
            subs.append(s == 0 ? "" : ",").append("{\"id\":\"/subscriptions/").append(id).append("\",\"subscriptionId\":\"")
                    .append(id).append("\",\"displayName\":\"bench ").append(s).append("\",\"state\":\"Enabled\"}");
            String storage = "/subscriptions/" + id + "/providers/Microsoft.Storage/storageAccounts";
            server.stubFor(page(storage, null, latency, storagePage(id, 0, PAGE, server.baseUrl() + storage + "?api-version=2023-05-01&$skiptoken=p2")));
            server.stubFor(page(storage, "p2", latency, storagePage(id, PAGE, STORAGE, null)));
            String vms = "/subscriptions/" + id + "/providers/Microsoft.Compute/virtualMachines";
            server.stubFor(page(vms, null, latency, vmPage(id)));
            stubParents(server, id, latency);
        }
        BenchChildren.stub(server, latency);
        server.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(aResponse().withFixedDelay(latency)
                .withHeader("Content-Type", "application/json").withBody(subs.append("]}").toString())));
        server.stubFor(get(urlPathMatching("/subscriptions/[^/]+/.*")).atPriority(10).willReturn(aResponse()
                .withFixedDelay(latency).withHeader("Content-Type", "application/json").withBody("{\"value\":[]}")));
    }

    private static MappingBuilder page(String path, String token, int latency, String body) {
        MappingBuilder b = get(urlPathEqualTo(path));
        b = token == null ? b.withQueryParam("$skiptoken", com.github.tomakehurst.wiremock.client.WireMock.absent())
                : b.withQueryParam("$skiptoken", equalTo(token));
        return b.willReturn(aResponse().withFixedDelay(latency).withHeader("Content-Type", "application/json").withBody(body));
    }

    private static void stubParents(WireMockServer server, String sub, int latency) {
        String prefix = "/subscriptions/" + sub + "/providers/";
        server.stubFor(page(prefix + "Microsoft.Sql/servers", null, latency,
                parents(sub, "Microsoft.Sql/servers", "sql", SQL_SERVERS, "{\"minimalTlsVersion\":\"1.2\",\"publicNetworkAccess\":\"Disabled\"}")));
        server.stubFor(page(prefix + "Microsoft.Web/sites", null, latency,
                parents(sub, "Microsoft.Web/sites", "app", SITES, "{\"httpsOnly\":true,\"siteConfig\":{\"minTlsVersion\":null}}")));
        server.stubFor(page(prefix + "Microsoft.KeyVault/vaults", null, latency,
                parents(sub, "Microsoft.KeyVault/vaults", "kv", KEY_VAULTS, "{\"enableSoftDelete\":true,\"enablePurgeProtection\":true}")));
        server.stubFor(page(prefix + "Microsoft.RecoveryServices/vaults", null, latency,
                parents(sub, "Microsoft.RecoveryServices/vaults", "rsv", RECOVERY_VAULTS, "{\"provisioningState\":\"Succeeded\"}")));
    }

    private static String parents(String sub, String armType, String prefix, int count, String properties) {
        StringBuilder b = new StringBuilder("{\"value\":[");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":\"/subscriptions/").append(sub).append("/resourceGroups/rg-app/providers/")
                    .append(armType).append('/').append(prefix).append(i).append("\",\"name\":\"").append(prefix).append(i)
                    .append("\",\"type\":\"").append(armType).append("\",\"location\":\"westeurope\",\"properties\":")
                    .append(properties).append('}');
        }
        return b.append("]}").toString();
    }

    static String subscription(int s) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", s);
    }

    private static String storagePage(String sub, int from, int to, String next) {
        StringBuilder b = new StringBuilder("{\"value\":[");
        for (int i = from; i < to; i++) {
            b.append(i == from ? "" : ",").append("{\"id\":\"/subscriptions/").append(sub)
                    .append("/resourceGroups/rg-").append(i % 10).append("/providers/Microsoft.Storage/storageAccounts/st").append(i)
                    .append("\",\"name\":\"st").append(i).append("\",\"type\":\"Microsoft.Storage/storageAccounts\",\"location\":\"westeurope\",")
                    .append("\"sku\":{\"name\":\"Standard_LRS\",\"tier\":\"Standard\"},\"kind\":\"StorageV2\",\"tags\":{\"env\":\"prod\"},")
                    .append("\"properties\":{\"minimumTlsVersion\":\"TLS1_2\",\"supportsHttpsTrafficOnly\":true,\"allowBlobPublicAccess\":false,")
                    .append("\"creationTime\":\"2023-11-02T08:14:51.3307611Z\",\"networkAcls\":{\"bypass\":\"AzureServices\",\"defaultAction\":\"Deny\",")
                    .append("\"ipRules\":[],\"virtualNetworkRules\":[]},\"encryption\":{\"keySource\":\"Microsoft.Storage\",\"services\":")
                    .append("{\"blob\":{\"enabled\":true,\"keyType\":\"Account\"}}}}}");
        }
        b.append("]");
        if (next != null) {
            b.append(",\"nextLink\":\"").append(next).append("\"");
        }
        return b.append("}").toString();
    }

    private static String vmPage(String sub) {
        StringBuilder b = new StringBuilder("{\"value\":[");
        for (int i = 0; i < VMS; i++) {
            b.append(i == 0 ? "" : ",").append("{\"id\":\"/subscriptions/").append(sub).append("/resourceGroups/rg-app/providers/")
                    .append("Microsoft.Compute/virtualMachines/vm").append(i).append("\",\"name\":\"vm").append(i)
                    .append("\",\"type\":\"Microsoft.Compute/virtualMachines\",\"location\":\"westeurope\",\"properties\":{")
                    .append("\"hardwareProfile\":{\"vmSize\":\"Standard_D2s_v5\"},\"securityProfile\":{\"encryptionAtHost\":true},")
                    .append("\"storageProfile\":{\"osDisk\":{\"osType\":\"Linux\",\"diskSizeGB\":30,\"managedDisk\":{\"storageAccountType\":\"Premium_LRS\"}}},")
                    .append("\"provisioningState\":\"Succeeded\"}}");
        }
        return b.append("]}").toString();
    }
}
