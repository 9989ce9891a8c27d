package dev.vouch.server;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring Boot application behind {@code vouch serve}; {@link #start} runs it on a workspace. */
@SpringBootApplication
public class VouchServer {

    /** A running server: its port, and {@link #close} to stop it. */
    public record Running(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        public String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** Starts the server on {@code settings.workspace()} and returns once it accepts requests. */
    public static Running start(ServerSettings settings) {
        return start(settings, System::getenv, Map.of());
    }

    /**
     * Starts the server with the environment that {@code notifications:} reads its secrets from, and extra beans
     * (tests: {@link ServerScheduler.Tuning}). A bad {@code notifications:} section stops it here with a
     * {@link dev.vouch.cli.workspace.ConfigException} naming vouch.yaml:line and the field ({@code vouch serve} exits 2).
     */
    static Running start(ServerSettings settings, NotificationSettings.Env env, Map<String, Object> beans) {
        NotificationSettings notifications = NotificationSettings.of(dev.vouch.cli.workspace.Workspace.open(settings.workspace()), env);
        // Spring Boot leaves logging alone (it would reset JDK logging to its console format); JDK logging goes to SLF4J
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
        SpringApplication app = new SpringApplication(VouchServer.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.setDefaultProperties(properties(settings));
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("serverSettings", settings);
            ctx.getBeanFactory().registerSingleton("notificationSettings", notifications);
            beans.forEach(ctx.getBeanFactory()::registerSingleton);
        });
        ConfigurableApplicationContext ctx;
        try {
            ctx = app.run();
        } catch (RuntimeException e) {
            // a mistake in vouch.yaml found while the beans are made: report it as such (file:line), not as a crash
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof dev.vouch.cli.workspace.ConfigException c) {
                    throw c;
                }
            }
            throw e;
        }
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        return new Running(ctx, port);
    }

    static Map<String, Object> properties(ServerSettings s) {
        Map<String, Object> p = new HashMap<>();
        p.put("server.address", s.bind().getHostAddress());
        p.put("server.port", s.port());
        p.put("server.shutdown", "graceful");
        p.put("server.servlet.session.timeout", s.idleTimeout().toSeconds() + "s");
        p.put("server.servlet.session.cookie.name", "VOUCH_SESSION");
        p.put("server.servlet.session.cookie.http-only", true);
        p.put("server.servlet.session.cookie.same-site", "strict");
        p.put("server.servlet.session.cookie.secure", s.behindTls());
        if (s.behindTls()) {
            // the client's address and https from X-Forwarded-For/-Proto, trusted from private and loopback proxies only
            // (Tomcat's RemoteIpValve defaults): sign-in throttling and the audit trail see the real client
            p.put("server.forward-headers-strategy", "native");
            if (!s.trustedProxies().isEmpty()) {
                p.put("server.tomcat.remoteip.internal-proxies", s.trustedProxies().stream()
                        .map(a -> java.util.regex.Pattern.quote(a.getHostAddress())).collect(java.util.stream.Collectors.joining("|")));
            }
        }
        p.put("server.servlet.session.tracking-modes", "cookie");
        p.put("server.error.include-stacktrace", "never");
        p.put("server.error.include-message", "never");
        p.put("server.error.whitelabel.enabled", false);
        p.put("server.tomcat.max-swallow-size", "1MB");
        // few request threads: 200 (Tomcat's default) busy threads on a small machine spend the CPU switching between
        // requests; 16 on 2 cores took the dashboard's p95 at 50 clients from 103 to 69 ms (docs/benchmarks.md, "Server")
        p.put("server.tomcat.threads.max", Math.max(16, 8 * Runtime.getRuntime().availableProcessors()));
        p.put("spring.servlet.multipart.max-file-size", s.maxUpload() + "B");
        p.put("spring.servlet.multipart.max-request-size", (s.maxUpload() + 1024 * 1024) + "B");
        p.put("spring.servlet.multipart.file-size-threshold", "1MB");
        p.put("spring.thymeleaf.cache", true);
        // classpath:/static/vouch.css is served as /static/vouch.css (what the pages link and SecurityConfig opens)
        p.put("spring.mvc.static-path-pattern", "/static/**");
        p.put("spring.main.banner-mode", "off");
        p.put("spring.mvc.problemdetails.enabled", true);
        p.put("spring.jmx.enabled", false);
        // no user/password printed at start: Vouch has its own accounts (UserDetailsServiceAutoConfiguration stays off)
        p.put("spring.autoconfigure.exclude", "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration");
        return p;
    }
}
