package dev.vouch.collect.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.vouch.collect.Collector;
import dev.vouch.collect.azureoffline.ArmRestNormalizer;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live Azure Resource Manager collector, source {@code azure}. Lists the subscriptions (or takes the
 * given ones), then per subscription issues one paged list call per type in {@link ArmListType#ALL},
 * then the per-parent {@link ChildType} calls (blob services, SQL firewall rules/auditing/databases/TDE,
 * site config, key-vault diagnostic settings, backup policies), all on one pool of at most
 * {@code concurrency} calls at a time, and normalizes every REST object with the
 * same {@link ArmRestNormalizer} the offline exports use. A denied, throttled-out or malformed list
 * call becomes one placeholder resource of its type (every check on it is ERROR) plus a
 * {@link CollectionError}; the other types and subscriptions still complete. See docs/permissions.md.
 */
public final class AzureLiveCollector implements Collector {
    public static final String SOURCE = "azure";
    static final String SUBSCRIPTIONS_API = "2022-12-01";
    private static final Logger LOG = LoggerFactory.getLogger(AzureLiveCollector.class);

    private final Clock clock;
    private final AzureArm arm;
    private final Set<String> subscriptionIds;
    private final int concurrency;
    private final List<ChildType> children;

    /**
     * Child resources on, per-storage-account diagnostic settings off (see the other constructor).
     *
     * @param subscriptionIds the subscriptions to read; empty = every subscription the credential sees
     * @param concurrency how many calls run at once (1..64)
     */
    public AzureLiveCollector(Clock clock, AzureArm arm, Set<String> subscriptionIds, int concurrency) {
        this(clock, arm, subscriptionIds, concurrency, false);
    }

    /**
     * @param storageDiagnostics also read each storage account's diagnostic settings: one more request
     *     per account that usually yields nothing (no check reads them yet), so opt-in; see docs/permissions.md
     */
    public AzureLiveCollector(Clock clock, AzureArm arm, Set<String> subscriptionIds, int concurrency, boolean storageDiagnostics) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.arm = Objects.requireNonNull(arm, "arm");
        this.subscriptionIds = Set.copyOf(subscriptionIds);
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("concurrency must be 1..64, was " + concurrency);
        }
        this.concurrency = concurrency;
        this.children = ChildType.enabled(storageDiagnostics);
        this.subscriptionIds.forEach(AzureLiveCollector::requireSubscriptionId);
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** Live collection reads no file: {@code path} is ignored; same as {@link #collect()}. */
    @Override
    public Collection collect(Path ignored) {
        return collect();
    }

    public Collection collect() {
        Instant now = clock.instant();
        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        List<String> subscriptions = subscriptionIds.isEmpty()
                ? new SubscriptionDiscovery(arm).list(errors) : subscriptionIds.stream().sorted().toList();
        for (String id : subscriptions) {
            resources.add(ArmRestNormalizer.subscription(id, Origin.of(SOURCE, arm.baseUrl() + "/subscriptions/" + id), now));
        }
        Set<String> seen = new HashSet<>();
        resources.forEach(r -> seen.add(r.id().toLowerCase(Locale.ROOT)));
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "vouch-azure-arm");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, JsonNode> raw = new HashMap<>();
            List<Resource> listed = new ArrayList<>();
            for (TypeListing.Result result : listAll(pool, subscriptions, new TypeListing(arm, now))) {
                errors.addAll(result.errors());
                // The same assignment inherited from a management group shows in every subscription: keep one.
                result.resources().stream().filter(r -> seen.add(r.id().toLowerCase(Locale.ROOT))).forEach(listed::add);
                keepRaw(result, raw);
            }
            resources.addAll(listed);
            collectChildren(pool, listed, raw, new ChildListing(arm, now), resources, errors, seen);
        } finally {
            pool.shutdownNow();
        }
        LOG.debug("azure: {} resources, {} errors from {} subscriptions", resources.size(), errors.size(), subscriptions.size());
        return new Collection(resources, errors);
    }

    private static void keepRaw(TypeListing.Result result, Map<String, JsonNode> raw) {
        if (result.raw().isEmpty()) {
            return;
        }
        // raw holds one REST object per normalized resource, in order; a failed page's placeholder comes last.
        List<Resource> kept = result.resources().stream()
                .filter(r -> !Boolean.TRUE.equals(r.attributes().get("placeholder"))).toList();
        for (int i = 0; i < kept.size() && i < result.raw().size(); i++) {
            raw.put(kept.get(i).id().toLowerCase(Locale.ROOT), result.raw().get(i));
        }
    }

    /**
     * Rounds of child calls on the same pool: the listed resources' children, then the children's children
     * (databases → TDE), until a round yields no parent. Merged parents replace the listed ones in place.
     */
    private void collectChildren(ExecutorService pool, List<Resource> parents, Map<String, JsonNode> raw, ChildListing listing,
                                 List<Resource> resources, List<CollectionError> errors, Set<String> seen) {
        Map<String, Resource> replaced = new HashMap<>();
        List<Resource> round = parents;
        while (!round.isEmpty()) {
            List<Future<ChildListing.Result>> futures = new ArrayList<>();
            for (Resource parent : round) {
                for (ChildType child : children) {
                    if (child.appliesTo(parent)) {
                        JsonNode node = raw.getOrDefault(parent.id().toLowerCase(Locale.ROOT), MissingNode.getInstance());
                        futures.add(pool.submit(() -> listing.fetch(child, parent, node)));
                    }
                }
            }
            List<Resource> next = new ArrayList<>();
            for (Future<ChildListing.Result> f : futures) {
                ChildListing.Result result = await(f);
                errors.addAll(result.errors());
                result.resources().stream().filter(r -> seen.add(r.id().toLowerCase(Locale.ROOT))).forEach(next::add);
                result.replaced().forEach(r -> replaced.put(r.id().toLowerCase(Locale.ROOT), r));
            }
            resources.addAll(next);
            round = next;
        }
        if (!replaced.isEmpty()) {
            resources.replaceAll(r -> replaced.getOrDefault(r.id().toLowerCase(Locale.ROOT), r));
        }
    }

    /** Every (subscription, type) listing, run on the bounded pool, results in a fixed order. */
    private static List<TypeListing.Result> listAll(ExecutorService pool, List<String> subscriptions, TypeListing listing) {
        List<Future<TypeListing.Result>> futures = new ArrayList<>();
        for (String subscription : subscriptions) {
            for (ArmListType type : ArmListType.ALL) {
                futures.add(pool.submit(() -> listing.list(type, subscription)));
            }
        }
        List<TypeListing.Result> results = new ArrayList<>(futures.size());
        for (Future<TypeListing.Result> f : futures) {
            results.add(await(f));
        }
        return results;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Azure collection interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Azure list call failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }

    private static void requireSubscriptionId(String id) {
        if (!id.matches("[0-9A-Za-z-]{1,64}")) {
            throw new IllegalArgumentException("subscription id must be a GUID, was '" + id + "'");
        }
    }
}
