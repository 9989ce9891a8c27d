package dev.vouch.server.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives one GET path of a running server with concurrent clients, each its own {@link HttpClient} (HTTP/1.1, kept-alive
 * connection) on its own thread: a warm-up that is not measured, then a fixed number of measured requests shared
 * among the clients, all starting together.
 */
final class LoadRun {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private LoadRun() {
    }

    /** One client: its connection (and cookies) and, for API calls, a bearer token. */
    record Client(HttpClient http, Optional<String> bearer) {
        static Client withToken(String token) {
            return new Client(newHttp(null), Optional.of(token));
        }

        /** Signs in through the login form (password only: a viewer has no second step) and keeps the session cookie. */
        static Client signedIn(String base, String username, String password) {
            HttpClient http = newHttp(new CookieManager());
            HttpResponse<String> page = send(http, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build());
            Matcher m = CSRF.matcher(page.body());
            if (page.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("GET " + base + "/login: status " + page.statusCode() + ", no CSRF field in the form");
            }
            String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
            HttpResponse<String> r = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
            String to = r.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse("");
            if (r.statusCode() != 302 || !to.equals("/")) {
                throw new IllegalStateException("POST " + base + "/login as " + username + ": status " + r.statusCode()
                        + " to '" + to + "', expected a redirect to /");
            }
            return new Client(http, Optional.empty());
        }
    }

    /**
     * What one run measured.
     *
     * @param nanos every measured request's latency, sorted
     * @param wallNanos from the common start to the last client's last response
     * @param firstError the first non-200 answer or failure, if any
     */
    record Result(String path, int clients, int errors, long wallNanos, long[] nanos, long bytesPerResponse,
            Optional<String> firstError) {
        int count() {
            return nanos.length;
        }

        double throughput() {
            return wallNanos == 0 ? 0 : nanos.length / (wallNanos / 1e9);
        }

        /** Nearest-rank percentile, in milliseconds ({@code p} in 0..100). */
        double percentileMs(double p) {
            if (nanos.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * nanos.length);
            return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
        }

        double maxMs() {
            return nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6;
        }
    }

    /** Runs {@code warmup} unmeasured then {@code requests} measured GETs of {@code path}, shared among {@code clients}. */
    static Result run(String base, String path, List<Client> clients, int warmup, int requests) throws InterruptedException {
        int n = clients.size();
        long[][] lat = new long[n][];
        long[] ends = new long[n];
        long[] start = new long[1];
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicInteger bytes = new AtomicInteger();
        CyclicBarrier go = new CyclicBarrier(n, () -> start[0] = System.nanoTime());
        URI uri = URI.create(base + path);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int me = i;
            Client c = clients.get(i);
            lat[me] = new long[share(requests, me, n)];
            Thread t = new Thread(() -> {
                Worker w = new Worker(c, uri, errors, firstError, bytes);
                w.repeat(share(warmup, me, n), null);
                await(go);
                w.repeat(lat[me].length, lat[me]);
                ends[me] = System.nanoTime();
            }, "bench-client-" + i);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = Arrays.stream(lat).flatMapToLong(Arrays::stream).sorted().toArray();
        long end = Arrays.stream(ends).max().orElse(start[0]);
        return new Result(path, n, errors.get(), end - start[0], all, bytes.get(), Optional.ofNullable(firstError.get()));
    }

    /** One client's loop: sends, checks the status, records the latency. */
    private record Worker(Client c, URI uri, AtomicInteger errors, AtomicReference<String> firstError, AtomicInteger bytes) {
        void repeat(int times, long[] record) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
            c.bearer().ifPresent(t -> b.header("Authorization", "Bearer " + t));
            HttpRequest req = b.build();
            for (int k = 0; k < times; k++) {
                long t0 = System.nanoTime();
                String problem = null;
                try {
                    HttpResponse<byte[]> r = c.http().send(req, HttpResponse.BodyHandlers.ofByteArray());
                    bytes.set(r.body().length);
                    if (r.statusCode() != 200) {
                        problem = "GET " + uri.getPath() + ": status " + r.statusCode();
                    }
                } catch (IOException e) {
                    problem = "GET " + uri.getPath() + ": " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (record != null) {
                    record[k] = System.nanoTime() - t0;
                }
                if (problem != null) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, problem);
                }
            }
        }
    }

    /** Client {@code i}'s share of {@code total} spread over {@code n} clients (the first ones take the remainder). */
    static int share(int total, int i, int n) {
        return total / n + (i < total % n ? 1 : 0);
    }

    private static HttpClient newHttp(CookieManager cookies) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            b.cookieHandler(cookies);
        }
        return b.build();
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(req.method() + " " + req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(req.method() + " " + req.uri() + ": interrupted", e);
        }
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException("a bench client failed before the measured run", e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
