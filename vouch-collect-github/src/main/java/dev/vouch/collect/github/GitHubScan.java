package dev.vouch.collect.github;

import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/** The normalizer shared by the live and export collectors: owner → organization → repositories. */
final class GitHubScan {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    static final String ORG_OWNER = "the token needs organization permission \"Administration: read\" (fine-grained) or "
            + "an organization owner's classic token with the read:org scope";

    private final GitHubSource source;
    private final Clock clock;
    private final Duration window;
    private final int concurrency;

    GitHubScan(GitHubSource source, Clock clock, Duration window, int concurrency) {
        this.source = source;
        this.clock = clock;
        this.window = window;
        this.concurrency = concurrency;
    }

    static String requireName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("GitHub " + what + " name must match [A-Za-z0-9._-]{1,100}, was '" + name + "'");
        }
        return name;
    }

    Collection run(String owner, List<String> repos) {
        requireName("owner", owner);
        repos.forEach(r -> requireName("repository", r));
        Instant end = clock.instant();
        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        Fetched who = source.owner(owner);
        boolean org = who instanceof Fetched.Ok ok && "Organization".equals(Json.string(Json.map(ok.body()), "type"));
        if (!(who instanceof Fetched.Ok)) {
            errors.add(new CollectionError(Origin.of(source.source(), who.location()), "cannot look up GitHub owner '" + owner
                    + "' (" + who.describe() + ")"));
            if (who instanceof Fetched.Missing) {
                return new Collection(resources, errors);
            }
        }
        if (org) {
            resources.add(organization(owner, end, errors));
        }
        List<String> names = repos.isEmpty() ? listRepositories(owner, org, errors) : repos;
        Collection repoResults = scanAll(owner, names, end);
        resources.addAll(repoResults.resources());
        errors.addAll(repoResults.errors());
        return new Collection(resources, errors);
    }

    private Resource organization(String org, Instant at, List<CollectionError> errors) {
        Fetched f = source.organization(org);
        Resource.Builder b = Resource.builder("github.organization", "github:" + org).name(org).provider("github")
                .scope("github:" + org).origin(new Origin(source.source(), f.location(), 0)).collectedAt(at);
        if (f instanceof Fetched.Ok ok && ok.body() instanceof Map<?, ?>) {
            Map<String, Object> props = new LinkedHashMap<>(Json.map(Json.withoutUrls(ok.body())));
            b.properties(props);
            List<String> hidden = List.of("two_factor_requirement_enabled", "default_repository_permission").stream()
                    .filter(k -> !props.containsKey(k)).toList();
            if (!hidden.isEmpty()) {
                String msg = "GitHub did not return " + String.join(", ", hidden) + " for organization " + org
                        + " (shown only to organization owners): " + ORG_OWNER;
                b.error(msg);
                errors.add(new CollectionError(Origin.of(source.source(), f.location()), msg));
            }
            return b.build();
        }
        String msg = "cannot read the settings of organization " + org + " (" + f.describe() + "): " + ORG_OWNER;
        errors.add(new CollectionError(Origin.of(source.source(), f.location().isEmpty() ? "github" : f.location()), msg));
        return b.name(org + " (not readable)").error(msg).build();
    }

    private List<String> listRepositories(String owner, boolean org, List<CollectionError> errors) {
        Fetched f = source.repositories(owner, org);
        if (!(f instanceof Fetched.Ok ok) || !(ok.body() instanceof List<?> list)) {
            errors.add(new CollectionError(Origin.of(source.source(), f.location()), "cannot list the repositories of "
                    + owner + " (" + f.describe() + "): the token needs \"Metadata: read\" on them (classic: repo)"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Object o : list) {
            Map<String, Object> repo = Json.map(o);
            String name = Json.string(repo, "name");
            if (!(repo.get("archived") instanceof Boolean archived && archived) && NAME.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    private Collection scanAll(String owner, List<String> names, Instant end) {
        Instant start = end.minus(window);
        if (names.size() <= 1 || concurrency <= 1) {
            Collection all = Collection.empty();
            for (String n : names) {
                all = all.plus(new RepositoryScan(source, start, end).scan(owner, n));
            }
            return all;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, names.size()));
        try {
            List<Future<Collection>> futures = new ArrayList<>();
            for (String n : names) {
                futures.add(pool.submit(() -> new RepositoryScan(source, start, end).scan(owner, n)));
            }
            Collection all = Collection.empty();
            for (Future<Collection> f : futures) {
                all = all.plus(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning GitHub repositories of " + owner, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scanning GitHub repositories of " + owner + " failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
