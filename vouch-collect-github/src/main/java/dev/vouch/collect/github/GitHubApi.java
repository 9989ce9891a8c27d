package dev.vouch.collect.github;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small read-only GitHub REST client over the JDK {@link HttpClient}: versioned media type, bearer
 * token, {@code Link: rel="next"} pagination, waiting out rate limits within a budget, and a bound
 * on concurrent requests. The token is sent only to the base URL's origin and never appears in a
 * message: error text from GitHub is shortened and scrubbed of anything token-shaped.
 */
public final class GitHubApi {
    /** Sleeps; tests inject one that records instead of waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.github.com");
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final Pattern TOKEN_SHAPED = Pattern.compile("(gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|(?i:bearer|token)\\s+[A-Za-z0-9._-]{16,})");
    private static final int MAX_PAGES = 1000;

    private final HttpClient http;
    private final URI baseUrl;
    private final String token;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int maxRetries;
    private final Duration maxWait;
    private final int maxConcurrency;
    private final Semaphore permits;
    private final AtomicLong requests = new AtomicLong();

    private GitHubApi(Builder b) {
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = b.baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.token = b.token;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.maxRetries = b.maxRetries;
        this.maxWait = b.maxWait;
        this.maxConcurrency = b.maxConcurrency;
        this.permits = new Semaphore(b.maxConcurrency);
    }

    /** A client for {@code token} (may be empty for anonymous, public-only reads). */
    public static Builder builder(String token) {
        return new Builder(token);
    }

    /** HTTP requests sent so far, retries included. */
    public long requestCount() {
        return requests.get();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    int maxConcurrency() {
        return maxConcurrency;
    }

    /** One GET of {@code pathAndQuery} (relative to the base URL, starting with '/'). */
    Fetched get(String pathAndQuery) {
        return page(resolve(pathAndQuery)).fetched();
    }

    /**
     * GETs a list endpoint page by page, following {@code Link: rel="next"} while {@code morePages}
     * accepts the page just read; the answer's body is the concatenated list.
     */
    Fetched getAll(String pathAndQuery, Predicate<List<Object>> morePages) {
        List<Object> items = new ArrayList<>();
        URI uri = resolve(pathAndQuery);
        String first = uri.toString();
        for (int n = 0; n < MAX_PAGES; n++) {
            Page page = page(uri);
            if (!(page.fetched() instanceof Fetched.Ok ok)) {
                return page.fetched();
            }
            if (!(ok.body() instanceof List<?> list)) {
                return new Fetched.Failed("expected a JSON array from " + ok.location(), ok.location());
            }
            items.addAll(list);
            if (page.next().isEmpty() || !morePages.test(new ArrayList<>(list))) {
                return new Fetched.Ok(items, first);
            }
            uri = page.next().get();
        }
        return new Fetched.Failed("more than " + MAX_PAGES + " pages from " + first, first);
    }

    /** Text safe to show: token and token-shaped strings replaced, shortened to 300 characters. */
    String scrub(String text) {
        String s = text == null ? "" : text;
        if (!token.isEmpty()) {
            s = s.replace(token, "***");
        }
        s = TOKEN_SHAPED.matcher(s).replaceAll("***");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private record Page(Fetched fetched, Optional<URI> next) {
        static Page of(Fetched f) {
            return new Page(f, Optional.empty());
        }
    }

    private URI resolve(String pathAndQuery) {
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("GitHub API path must start with '/': " + pathAndQuery);
        }
        return URI.create(baseUrl + pathAndQuery);
    }

    private Page page(URI uri) {
        String location = uri.toString();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> resp;
            try {
                resp = exchange(uri);
            } catch (IOException e) {
                if (attempt < maxRetries) {
                    pause(backoff(attempt));
                    continue;
                }
                return Page.of(new Fetched.Failed("GET " + location + " failed after " + (attempt + 1)
                        + " attempts: " + scrub(e.toString()), location));
            }
            Optional<Duration> limited = rateLimitWait(resp);
            if (limited.isPresent() || resp.statusCode() >= 500) {
                Duration wait = limited.orElse(backoff(attempt));
                if (attempt >= maxRetries || wait.compareTo(maxWait) > 0) {
                    return Page.of(new Fetched.Failed(giveUp(resp, location, attempt, wait, limited.isPresent()), location));
                }
                pause(wait);
                continue;
            }
            return toPage(resp, location);
        }
    }

    private String giveUp(HttpResponse<String> resp, String location, int attempt, Duration wait, boolean rateLimited) {
        String why = rateLimited
                ? "rate limited (" + resp.statusCode() + "), next try allowed in " + wait.toSeconds() + "s"
                : resp.statusCode() + " " + message(resp.body());
        String budget = attempt >= maxRetries ? "after " + (attempt + 1) + " attempts" : "beyond the wait budget of " + maxWait.toSeconds() + "s";
        return "GET " + location + " gave up " + budget + ": " + why;
    }

    private HttpResponse<String> exchange(URI uri) throws IOException {
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(60))
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", "2022-11-28")
                .header("User-Agent", "vouch-collect-github");
        if (!token.isEmpty()) {
            req.header("Authorization", "Bearer " + token);
        }
        try {
            permits.acquire();
            try {
                requests.incrementAndGet();
                return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
            } finally {
                permits.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + uri, e);
        }
    }

    private Optional<Duration> rateLimitWait(HttpResponse<String> resp) {
        int status = resp.statusCode();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Optional<String> retryAfter = resp.headers().firstValue("Retry-After");
        if (retryAfter.isPresent() && retryAfter.get().trim().matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.get().trim())));
        }
        boolean exhausted = resp.headers().firstValue("X-RateLimit-Remaining").map(v -> v.trim().equals("0")).orElse(false);
        Optional<String> reset = resp.headers().firstValue("X-RateLimit-Reset");
        if (exhausted && reset.isPresent() && reset.get().trim().matches("\\d{1,12}")) {
            Duration until = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.get().trim())));
            return Optional.of(until.isNegative() ? Duration.ofSeconds(1) : until.plusSeconds(1));
        }
        if (status == 429 || exhausted || message(resp.body()).toLowerCase(Locale.ROOT).contains("rate limit")) {
            return Optional.of(Duration.ofSeconds(60));
        }
        return Optional.empty();
    }

    private Page toPage(HttpResponse<String> resp, String location) {
        int status = resp.statusCode();
        if (status >= 200 && status < 300) {
            if (status == 204 || resp.body().isBlank()) {
                return Page.of(new Fetched.Ok(java.util.Map.of(), location));
            }
            try {
                return new Page(new Fetched.Ok(Json.parse(resp.body()), location), next(resp));
            } catch (Json.Malformed e) {
                return Page.of(new Fetched.Failed(e.getMessage() + " (from " + location + ")", location));
            } catch (IllegalStateException e) {
                return Page.of(new Fetched.Failed(e.getMessage(), location));
            }
        }
        String message = message(resp.body());
        return Page.of(switch (status) {
            case 404 -> new Fetched.Missing(message.isEmpty() ? "Not Found" : message, location);
            case 401, 403 -> new Fetched.Denied(status, message, location);
            default -> new Fetched.Failed("GET " + location + " answered " + status + " " + message, location);
        });
    }

    private Optional<URI> next(HttpResponse<String> resp) {
        Optional<String> link = resp.headers().firstValue("Link");
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = NEXT.matcher(link.get());
        if (!m.find()) {
            return Optional.empty();
        }
        URI next = URI.create(m.group(1));
        boolean sameOrigin = Objects.equals(next.getScheme(), baseUrl.getScheme())
                && Objects.equals(next.getRawAuthority(), baseUrl.getRawAuthority());
        if (!sameOrigin) {
            throw new IllegalStateException("GitHub pagination link leaves " + baseUrl.getRawAuthority()
                    + " for " + next.getRawAuthority() + "; refusing to send the token there");
        }
        return Optional.of(next);
    }

    private String message(String body) {
        try {
            Object parsed = Json.parse(body == null ? "" : body);
            return scrub(Json.string(Json.map(parsed), "message"));
        } catch (Json.Malformed e) {
            return scrub(body == null ? "" : body.strip());
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofSeconds(1L << Math.min(attempt, 5));
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting " + d.toSeconds() + "s for GitHub", e);
        }
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private final String token;
        private URI baseUrl = DEFAULT_BASE_URL;
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private int maxRetries = 3;
        private Duration maxWait = Duration.ofMinutes(15);
        private int maxConcurrency = 4;

        private Builder(String token) {
            this.token = token == null ? "" : token.strip();
        }

        /** {@code https://api.github.com} by default; GitHub Enterprise Server: {@code https://HOST/api/v3}. */
        public Builder baseUrl(URI v) { this.baseUrl = Objects.requireNonNull(v, "baseUrl"); return this; }
        public Builder httpClient(HttpClient v) { this.http = Objects.requireNonNull(v, "httpClient"); return this; }
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v, "clock"); return this; }
        public Builder sleeper(Sleeper v) { this.sleeper = Objects.requireNonNull(v, "sleeper"); return this; }
        /** Retries after a rate limit, 5xx or transport error (default 3). */
        public Builder maxRetries(int v) { this.maxRetries = requireRange("maxRetries", v, 0, 20); return this; }
        /** The longest single wait for a rate limit reset (default 15 minutes); longer → the call fails. */
        public Builder maxWait(Duration v) { this.maxWait = Objects.requireNonNull(v, "maxWait"); return this; }
        /** Requests in flight at once (default 4). */
        public Builder maxConcurrency(int v) { this.maxConcurrency = requireRange("maxConcurrency", v, 1, 32); return this; }

        public GitHubApi build() {
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("GitHub base URL must be http(s), was " + baseUrl);
            }
            return new GitHubApi(this);
        }

        private static int requireRange(String name, int v, int min, int max) {
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ", was " + v);
            }
            return v;
        }
    }
}
