package dev.vouch.server;

import dev.vouch.cli.CommandPlugin;
import dev.vouch.cli.ExitCode;
import dev.vouch.cli.workspace.ConfigException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vouch serve}: the web UI and REST API on a workspace. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the Vouch server on a workspace: web dashboard, REST API (/api/v1), sign-in with MFA, scheduled scans.",
            "",
            "Listens on 127.0.0.1:8080 by default. The first time, it writes a one-time set-up code to",
            "WORKSPACE/.vouch/setup-code: open the address shown, enter the code and create the first admin (who then",
            "enrols an authenticator app). There is no default password. The database is vouch.yaml's 'database'",
            "(SQLite by default, or jdbc:postgresql://...; docs/server.md).",
            "",
            "Example: vouch serve examples/acme --port 8080"})
public final class ServeCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", description = "Workspace folder (default: current folder).")
    Path dir;

    @Option(names = "--port", description = "TCP port (default 8080; 0 picks a free one).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default 127.0.0.1). Any other address needs --behind-tls-proxy.")
    String bind = "127.0.0.1";

    @Option(names = "--behind-tls-proxy", description = "A TLS-terminating reverse proxy is in front: cookies are Secure and HSTS is sent.")
    boolean behindTls;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", description = "With --behind-tls-proxy: the proxy's address (repeatable); only its X-Forwarded-For/-Proto are believed (default: any private or loopback address).")
    List<String> trustedProxies = new java.util.ArrayList<>();

    @Option(names = "--insecure-http", description = "Allow a non-loopback --bind without TLS (sessions then travel in clear: for closed test networks only).")
    boolean insecureHttp;

    @Option(names = "--idle-timeout", paramLabel = "MINUTES", description = "Sign out after this long without a request (default 30).")
    long idleMinutes = 30;

    @Option(names = "--no-scheduler", description = "Do not run vouch.yaml's scan schedule in the server (e.g. when 'vouch schedule run' does).")
    boolean noScheduler;

    @Option(names = "--max-upload-mb", paramLabel = "MB", description = "Largest evidence upload (default 50).")
    long maxUploadMb = 50;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The configuration error behind a failed start (Spring wraps it in bean-creation exceptions), or {@code e}. */
    RuntimeException rootCause(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t instanceof org.springframework.boot.web.server.PortInUseException) {
                return new ConfigException("--port " + port + ": cannot listen on " + bind + ":" + port
                        + " (is another server using it?)");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigException || t instanceof dev.vouch.store.StoreException) {
                return (RuntimeException) t;
            }
        }
        return e;
    }

    /** Registers {@code serve} with the CLI. */
    public static final class Plugin implements CommandPlugin {
        @Override
        public Object command() {
            return new ServeCommand();
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        // the server logs what it does (sign-ins, audit entries, errors) with a time stamp; the CLI stays quiet
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.log.dev.vouch.server", "info");
        System.setProperty("org.slf4j.simpleLogger.log.org.springframework.boot.tomcat", "info");
        PrintWriter err = spec.commandLine().getErr();
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException("--bind: '" + bind + "' is not an address of this machine");
        }
        if (!address.isLoopbackAddress() && !behindTls && !insecureHttp) {
            throw new ConfigException("--bind " + bind + ": not a loopback address; passwords and sessions would travel in clear."
                    + " Put a TLS reverse proxy in front and add --behind-tls-proxy (or --insecure-http for a closed test network)");
        }
        if (port < 0 || port > 65535 || idleMinutes < 1 || maxUploadMb < 1) {
            throw new ConfigException("--port 0..65535, --idle-timeout and --max-upload-mb at least 1");
        }
        Path ws = dir == null ? Path.of(".") : dir;
        // a missing or bad vouch.yaml, or a database that cannot be opened, is said before the server starts
        dev.vouch.cli.workspace.Workspace workspace = dev.vouch.cli.workspace.Workspace.open(ws);
        dev.vouch.store.Store.open(workspace.database(), Clock.systemUTC()).close();
        List<InetAddress> proxies = new java.util.ArrayList<>();
        for (String p : trustedProxies) {
            if (!behindTls) {
                throw new ConfigException("--trusted-proxy: only with --behind-tls-proxy");
            }
            if (!p.matches("[0-9a-fA-F:.]+")) {
                throw new ConfigException("--trusted-proxy: '" + p + "' is not an IP address (names are not looked up)");
            }
            try {
                proxies.add(InetAddress.getByName(p));
            } catch (UnknownHostException e) {
                throw new ConfigException("--trusted-proxy: '" + p + "' is not an IP address");
            }
        }
        ServerSettings settings = new ServerSettings(ws.toAbsolutePath().normalize(), address, port, behindTls,
                Duration.ofMinutes(idleMinutes), !noScheduler, Optional.of(maxUploadMb * 1024 * 1024), Clock.systemUTC(), proxies);
        long t0 = System.nanoTime();
        VouchServer.Running running;
        try {
            running = VouchServer.start(settings);
        } catch (RuntimeException e) {
            throw rootCause(e);
        }
        String url = (behindTls ? "https" : "http") + "://" + (address.isAnyLocalAddress() ? "localhost" : bind) + ":" + running.port();
        err.printf("vouch: serving %s at %s (ready in %.1f s)%n", settings.workspace(), url, (System.nanoTime() - t0) / 1e9);
        running.context().getBean(AccountService.class).prepareSetup().ifPresent(file -> err.printf(
                "vouch: no account yet: open %s/setup and enter the one-time code in %s%n", url, file));
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "vouch-serve-stop"));
        stopped.await();
        return ExitCode.OK;
    }
}
