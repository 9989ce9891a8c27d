package dev.vouch.collect.graph;

import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Live Microsoft Graph (Entra ID) collector, source {@code graph}. Reads the tenant the credential
 * belongs to: one paged GET per {@link GraphEndpoint} (never one call per user), up to
 * {@code concurrency} at a time, and normalizes the objects exactly as {@link GraphExportCollector}
 * normalizes the same responses saved as files. A denied, throttled-out or malformed endpoint leaves its
 * data unresolved (checks on it are UNKNOWN) plus a {@link CollectionError} naming the endpoint and the
 * missing application permission; the other endpoints still complete. See docs/permissions.md.
 */
public final class GraphLiveCollector implements Collector {
    public static final String SOURCE = EndpointReader.SOURCE;

    private final Clock clock;
    private final GraphApi api;
    private final int concurrency;

    /** @param concurrency how many endpoints are read at once (1..16) */
    public GraphLiveCollector(Clock clock, GraphApi api, int concurrency) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.api = Objects.requireNonNull(api, "api");
        if (concurrency < 1 || concurrency > 16) {
            throw new IllegalArgumentException("concurrency must be 1..16, was " + concurrency);
        }
        this.concurrency = concurrency;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** Live collection reads no file: {@code ignored} is ignored; same as {@link #collect()}. */
    @Override
    public Collection collect(Path ignored) {
        return collect();
    }

    public Collection collect() {
        List<GraphObject> objects = new ArrayList<>();
        Set<EntityKind> seen = EnumSet.noneOf(EntityKind.class);
        List<CollectionError> errors = new ArrayList<>();
        for (EndpointReader.Result result : readAll()) {
            objects.addAll(result.objects());
            errors.addAll(result.errors());
            if (result.resolved()) {
                seen.add(result.endpoint().kind());
            }
        }
        return GraphNormalizer.normalize(objects, seen, credentialFailure(errors), Origin.of(SOURCE, api.baseUrl()), clock.instant());
    }

    /**
     * When no endpoint could be read because no credential works, one error saying so (with what to do)
     * replaces the same failure repeated for every endpoint.
     */
    static List<CollectionError> credentialFailure(List<CollectionError> errors) {
        boolean allCredential = !errors.isEmpty() && errors.size() == GraphEndpoint.ALL.size()
                && errors.stream().allMatch(e -> e.message().contains("Credential"));
        if (!allCredential) {
            return errors;
        }
        return List.of(new CollectionError(errors.get(0).origin(), "no endpoint could be read: no usable credential for "
                + "Microsoft Graph (set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET for an app registration "
                + "with the permissions in docs/permissions.md, use a managed identity, or run 'az login')"));
    }

    /** Every endpoint, read on a bounded pool, results in {@link GraphEndpoint#ALL} order. */
    private List<EndpointReader.Result> readAll() {
        EndpointReader reader = new EndpointReader(api);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "vouch-graph");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<EndpointReader.Result>> futures = new ArrayList<>();
            for (GraphEndpoint endpoint : GraphEndpoint.ALL) {
                futures.add(pool.submit(() -> reader.read(endpoint)));
            }
            List<EndpointReader.Result> results = new ArrayList<>(futures.size());
            for (Future<EndpointReader.Result> f : futures) {
                results.add(await(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static EndpointReader.Result await(Future<EndpointReader.Result> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Graph collection interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Graph read failed unexpectedly: " + e.getCause(), e.getCause());
        }
    }
}
