package dev.vouch.collect.graph;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one {@link GraphEndpoint}, following {@code @odata.nextLink} (only within the Graph endpoint the
 * API was built for, so the token is never sent elsewhere). All or nothing: a page that is denied,
 * throttled out or malformed leaves the whole endpoint unresolved (its kind is not "seen", so the facts
 * it carries are unknown paths) with one {@link CollectionError}; partial lists are never normalized.
 */
final class EndpointReader {
    static final String SOURCE = "graph";
    private static final int MAX_PAGES = 10_000;

    private final GraphApi api;

    EndpointReader(GraphApi api) {
        this.api = api;
    }

    /** What one endpoint gave: its objects, whether it was read completely, and errors (also notes). */
    record Result(GraphEndpoint endpoint, List<GraphObject> objects, boolean resolved, List<CollectionError> errors) {
    }

    Result read(GraphEndpoint endpoint) {
        List<GraphObject> objects = new ArrayList<>();
        List<CollectionError> notes = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        boolean signIn = endpoint.withoutSignIn().isPresent();
        String url = api.baseUrl() + endpoint.path();
        while (url != null) {
            if (!url.startsWith(api.baseUrl() + "/") || !visited.add(url) || visited.size() > MAX_PAGES) {
                return failed(endpoint, url, GraphFailures.unexpected(url,
                        "@odata.nextLink leaves " + api.baseUrl() + " or repeats a page; not followed"));
            }
            GraphApi.Reply reply;
            try {
                reply = api.get(url);
            } catch (RuntimeException e) {
                return failed(endpoint, url, "reading " + endpoint.label() + " failed at " + url + ": "
                        + GraphFailures.scrub(String.valueOf(e.getMessage())) + "; this data is unresolved");
            }
            if (!reply.ok()) {
                if (reply.status() == 403 && signIn && objects.isEmpty()) {
                    notes.add(error(url, GraphFailures.signInRefused(reply.status(), reply.body())));
                    signIn = false;
                    url = api.baseUrl() + endpoint.withoutSignIn().orElseThrow();
                    continue;
                }
                return failed(endpoint, url, GraphFailures.denied(reply.status())
                        ? GraphFailures.denied(reply.status(), reply.body(), endpoint)
                        : GraphFailures.failed(reply.status(), reply.body(), endpoint, url));
            }
            Optional<String> next;
            try {
                next = page(endpoint, url, GraphJson.parse(reply.body()), signIn, objects);
            } catch (GraphJson.Malformed e) {
                return failed(endpoint, url, GraphFailures.malformed(url, e.getMessage()));
            } catch (IllegalArgumentException e) {
                return failed(endpoint, url, GraphFailures.unexpected(url, e.getMessage()));
            }
            url = next.orElse(null);
        }
        return new Result(endpoint, objects, true, notes);
    }

    /** Adds a page's objects; returns its nextLink. A shape that is not a Graph response is rejected. */
    private static Optional<String> page(GraphEndpoint endpoint, String url, Object root, boolean signIn,
            List<GraphObject> into) {
        if (!(root instanceof Map<?, ?> response)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        Object value = response.get("value");
        List<?> items = value instanceof List<?> list ? list : List.of(response);
        if (value != null && !(value instanceof List<?>)) {
            throw new IllegalArgumentException("field 'value' must be a list of Graph objects");
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> raw)) {
                throw new IllegalArgumentException("an entry of 'value' is not a Graph object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) raw;
            into.add(new GraphObject(endpoint.kind(), body, url, 0, signIn, SOURCE));
        }
        return response.get("@odata.nextLink") instanceof String link ? Optional.of(link) : Optional.empty();
    }

    private static Result failed(GraphEndpoint endpoint, String url, String message) {
        return new Result(endpoint, List.of(), false, List.of(error(url, message)));
    }

    private static CollectionError error(String url, String message) {
        return new CollectionError(Origin.of(SOURCE, url), message);
    }
}
