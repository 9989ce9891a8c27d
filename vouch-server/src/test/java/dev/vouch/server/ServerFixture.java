package dev.vouch.server;

import dev.vouch.auth.Totp;
import dev.vouch.store.Accounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real server on a copy of the bundled example workspace (without the host source, so results do not depend on
 * the machine), on a free loopback port, with helpers to make accounts and to talk to it as a browser or an API
 * client would. Everything goes over real HTTP.
 */
public final class ServerFixture implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    public final Path workspace;
    public final VouchServer.Running server;
    public final String base;

    private ServerFixture(Path workspace, VouchServer.Running server) {
        this.workspace = workspace;
        this.server = server;
        this.base = server.url();
    }

    /** Copies examples/acme into {@code dir}/ws and serves it. */
    public static ServerFixture start(Path dir) {
        return start(dir, Clock.systemUTC());
    }

    public static ServerFixture start(Path dir, Clock clock) {
        Path ws = copyExample(dir.resolve("ws"));
        return new ServerFixture(ws, VouchServer.start(ServerSettings.forTest(ws, clock)));
    }

    static ServerFixture start(ServerSettings settings) {
        return new ServerFixture(settings.workspace(), VouchServer.start(settings));
    }

    /** With the environment {@code notifications:} reads secrets from, and extra beans (e.g. a scheduler interval). */
    static ServerFixture start(ServerSettings settings, Map<String, String> env, Map<String, Object> beans) {
        return new ServerFixture(settings.workspace(), VouchServer.start(settings, env::get, beans));
    }

    /** The bundled example workspace, copied, with the host source removed. */
    static Path copyExample(Path to) {
        Path from = Path.of("..", "examples", "acme").toAbsolutePath().normalize();
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith(".vouch")) {
                    continue;
                }
                Path t = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path yaml = to.resolve("vouch.yaml");
            Files.writeString(yaml, Files.readString(yaml).replaceAll("(?m)^\\s*host: true.*\\n", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public <T> T bean(Class<T> type) {
        return server.context().getBean(type);
    }

    public Accounts accounts() {
        return bean(WorkspaceContext.class).store().accounts();
    }

    /** A user made directly in the database; admins get TOTP switched on. Returns the TOTP secret (or empty). */
    public Optional<String> user(String username, Role role, Optional<Instant> windowFrom, Optional<Instant> windowTo) {
        Accounts.Account a = bean(AccountService.class).create(username, username, role, PASSWORD, windowFrom, windowTo);
        if (role != Role.ADMIN) {
            return Optional.empty();
        }
        String secret = bean(AccountService.class).beginEnrol(a.id());
        accounts().enableMfa(a.id(), -1);
        return Optional.of(secret);
    }

    /** An API token of {@code username}. */
    public String token(String username, dev.vouch.auth.TokenScope scope) {
        Accounts.Account a = accounts().byUsername(username).orElseThrow();
        return bean(AccountService.class).issueToken(a, "test", scope).token();
    }

    /** An exception request made directly in the database (by "someone", so any admin may decide it); its id. */
    public long exceptionRequest() {
        return bean(WorkspaceContext.class).store().exceptionRequests().create("AZ-STG-003", "*", "test request, long enough",
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30), "someone", Instant.now()).id();
    }

    /** Runs a scan through the server and waits for it. */
    public ScanJobs.Job scan() {
        ScanJobs jobs = bean(ScanJobs.class);
        ScanJobs.Job job = jobs.start("test");
        long until = System.currentTimeMillis() + 120_000;
        while (!job.isDone()) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("scan did not finish: " + job.getLines());
            }
            sleep(50);
        }
        return job;
    }

    /** A browser-like client: keeps cookies, reads CSRF tokens from forms, does not follow redirects. */
    Browser browser() {
        return new Browser();
    }

    final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String lastCsrf;

        HttpResponse<String> get(String path) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                lastCsrf = m.group(1);
            }
            return r;
        }

        /** Posts a form with the CSRF token of the last page read (unless {@code withCsrf} is false). */
        HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf) {
            Map<String, String> all = new LinkedHashMap<>(form);
            if (withCsrf && lastCsrf != null) {
                all.put("_csrf", lastCsrf);
            }
            StringBuilder sb = new StringBuilder();
            all.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            return post(path, form, true);
        }

        /** Signs in with password, and with a TOTP code when {@code totpSecret} is given; returns the last response. */
        HttpResponse<String> signIn(String username, Optional<String> totpSecret) {
            get("/login");
            HttpResponse<String> r = post("/login", Map.of("username", username, "password", PASSWORD));
            if (totpSecret.isPresent() && "/login/totp".equals(location(r))) {
                get("/login/totp");
                r = post("/login/totp", Map.of("code", Totp.codeAt(totpSecret.get(), Instant.now())));
            }
            return r;
        }

        HttpResponse<String> send(HttpRequest req) {
            try {
                return http.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The path of a redirect's Location, or null. */
    static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse(null);
    }

    /** An API call with a bearer token (or none when {@code token} is null). */
    public HttpResponse<String> api(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
