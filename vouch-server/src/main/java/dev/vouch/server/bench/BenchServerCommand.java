package dev.vouch.server.bench;

import dev.vouch.auth.TokenScope;
import dev.vouch.cli.CommandPlugin;
import dev.vouch.cli.ExitCode;
import dev.vouch.cli.bench.HistoryGenerator;
import dev.vouch.cli.bench.HistorySpec;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.server.AccountService;
import dev.vouch.server.Role;
import dev.vouch.server.ServerSettings;
import dev.vouch.server.VouchServer;
import dev.vouch.server.WorkspaceContext;
import dev.vouch.store.Accounts;
import dev.vouch.store.ScanSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vouch bench-server}: the server's speed and memory on a synthetic history (docs/benchmarks.md, "Server"). */
@Command(name = "bench-server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark of vouch serve (figures go to docs/benchmarks.md).",
            "Builds a synthetic workspace history (or reuses --workspace DIR), starts the real server on it on a free",
            "loopback port, makes a viewer account and a read token, then sends GET /api/v1/dashboard, GET",
            "/api/v1/findings?page=0&size=50 and the HTML dashboard / (signed-in sessions) from --clients concurrent",
            "clients, and prints time to ready, throughput, latency percentiles and memory at rest.",
            "The default history: 365 daily scans of 1,100 resources, about 2,900 findings each = 1.05 million findings.",
            "",
            "Example: vouch bench-server --workspace /tmp/year --keep"})
public final class BenchServerCommand implements Callable<Integer> {
    static final double P95_TARGET_MS = 100;
    static final double READY_TARGET_S = 5;
    static final long HISTORY_TARGET = 1_000_000;

    @Option(names = "--clients", description = "Concurrent clients, one thread and one connection each (default 50).")
    int clients = 50;

    @Option(names = "--requests", description = "Measured requests per route, shared among the clients (default 20,000).")
    int requests = 20_000;

    @Option(names = "--warmup", description = "Unmeasured requests per route before it is measured (default 2,000).")
    int warmup = 2_000;

    @Option(names = "--days", description = "Daily scans in a generated history (default 365).")
    int days = 365;

    @Option(names = "--resources", description = "Resources in the generated estate (default 1,100; 1-3 catalog checks each).")
    int resources = 1_100;

    @Option(names = "--churn", paramLabel = "SHARE", description = "Share of resources changed per day (default 0.005).")
    double churn = 0.005;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Use this workspace: its history if it has one, else generate into it (kept).")
    Path workspace;

    @Option(names = "--keep", description = "Keep the generated temporary workspace (its path is printed).")
    boolean keep;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Registers {@code bench-server} with the CLI. */
    public static final class Plugin implements CommandPlugin {
        @Override
        public Object command() {
            return new BenchServerCommand();
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (clients < 1 || requests < clients || warmup < 0 || days < 1 || resources < 1) {
            throw new IllegalArgumentException("--clients at least 1, --requests at least --clients (" + clients
                    + "), --warmup 0 or more, --days and --resources at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        machine(out, "before");
        Path dir = workspace != null ? workspace.toAbsolutePath().normalize() : Files.createTempDirectory("vouch-bench-server");
        prepare(dir, out);
        ServerSettings settings = new ServerSettings(dir, InetAddress.getLoopbackAddress(), 0, false, Duration.ofMinutes(30), false,
                Optional.empty(), Clock.systemUTC());
        CpuShare startCpu = new CpuShare();
        long t0 = System.nanoTime();
        VouchServer.Running server = VouchServer.start(settings);
        double ready = (System.nanoTime() - t0) / 1e9;
        try {
            measure(server, ready, startCpu.since(), out);
        } finally {
            server.close();
        }
        machine(out, "after");
        if (workspace == null && !keep) {
            deleteTree(dir);
        } else {
            out.println("workspace kept: " + dir);
        }
        out.flush();
        return ExitCode.OK;
    }

    private void measure(VouchServer.Running server, double ready, CpuShare.Used startCpu, PrintWriter out)
            throws InterruptedException {
        String base = server.url();
        long findings = history(server, out);
        out.printf(Locale.ROOT, "ready: %.2f s (VouchServer.start to accepting requests at %s); %s%n", ready, base,
                startCpu.describe(0).replaceFirst(";.*", ""));
        AccountService accounts = server.context().getBean(AccountService.class);
        if (accounts.all().stream().anyMatch(a -> !a.username().startsWith("bench-"))) {
            // a benchmark leaves its own account and sign-ins behind: never on a workspace people use
            throw new dev.vouch.cli.workspace.ConfigException("--workspace: this workspace has real accounts; benchmark a copy of it instead");
        }
        String username = "bench-" + Long.toString(System.currentTimeMillis(), 36);
        String password = "bench " + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Accounts.Account viewer = accounts.create(username, "Benchmark", Role.VIEWER, password, Optional.empty(), Optional.empty());
        String token = accounts.issueToken(viewer, "bench-server", TokenScope.READ).token();

        long c0 = System.nanoTime();
        LoadRun.Result first = LoadRun.run(base, "/api/v1/dashboard", List.of(LoadRun.Client.withToken(token)), 0, 1);
        out.printf(Locale.ROOT, "first dashboard: %.0f ms (cold: the readiness model is computed and cached), status %s%n",
                (System.nanoTime() - c0) / 1e6, first.errors() == 0 ? "200" : first.firstError().orElse("?"));
        out.flush();

        List<LoadRun.Client> api = clients(() -> LoadRun.Client.withToken(token));
        LoadRun.Result dash = load(base, "/api/v1/dashboard", api, out);
        load(base, "/api/v1/findings?page=0&size=50", api, out);
        List<LoadRun.Client> sessions = clients(() -> LoadRun.Client.signedIn(base, username, password));
        load(base, "/", sessions, out);

        api = null; // the clients' connections and buffers are not part of the server's memory at rest
        sessions = null;
        MemoryAtRest mem = MemoryAtRest.measure();
        out.printf(Locale.ROOT, "memory at rest: heap used %.0f MB after full GC (committed %.0f MB, max %.0f MB), RSS %s%n",
                mb(mem.heapUsed()), mb(mem.heapCommitted()), mb(mem.heapMax()),
                mem.rss().map(r -> String.format(Locale.ROOT, "%.0f MB", mb(r))).orElse("n/a (no /proc/self/status)"));
        out.printf(Locale.ROOT, "targets: history %,d findings (>= %,d: %s); ready %.2f s (<= %.0f s: %s); dashboard p95 %.1f ms"
                        + " (<= %.0f ms: %s)%n", findings, HISTORY_TARGET, yes(findings >= HISTORY_TARGET), ready, READY_TARGET_S,
                yes(ready <= READY_TARGET_S), dash.percentileMs(95), P95_TARGET_MS, yes(dash.percentileMs(95) <= P95_TARGET_MS));
        out.flush();
    }

    /** Prints and returns the history the server holds: scans and finding rows over all of them. */
    private static long history(VouchServer.Running server, PrintWriter out) {
        List<ScanSummary> scans = server.context().getBean(WorkspaceContext.class).store().scans();
        long findings = scans.stream().mapToLong(ScanSummary::findingCount).sum();
        int latest = scans.isEmpty() ? 0 : scans.get(scans.size() - 1).findingCount();
        out.printf(Locale.ROOT, "history: %,d scans, %,d findings over all scans (%,d in the latest)%n", scans.size(), findings, latest);
        return findings;
    }

    private List<LoadRun.Client> clients(Supplier<LoadRun.Client> make) {
        List<LoadRun.Client> list = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            list.add(make.get());
        }
        return list;
    }

    /** Measures one route (the warm-up is left out of the CPU figures too) and prints its line. */
    private LoadRun.Result load(String base, String path, List<LoadRun.Client> cs, PrintWriter out) throws InterruptedException {
        LoadRun.Result warm = LoadRun.run(base, path, cs, warmup, 0);
        warm.firstError().ifPresent(e -> out.printf("GET %s warm-up: %d errors, the first: %s%n", path, warm.errors(), e));
        CpuShare cpu = new CpuShare();
        LoadRun.Result r = LoadRun.run(base, path, cs, 0, requests);
        CpuShare.Used used = cpu.since();
        out.printf(Locale.ROOT, "GET %s: %,d requests, %d clients, %d errors, %.0f req/s, %,d bytes per response;"
                        + " latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n", r.path(), r.count(), r.clients(), r.errors(),
                r.throughput(), r.bytesPerResponse(), r.percentileMs(50), r.percentileMs(95), r.percentileMs(99), r.maxMs());
        out.println("  " + used.describe(r.count()));
        r.firstError().ifPresent(e -> out.println("  first error: " + e));
        out.flush();
        return r;
    }

    /** Generates the history into {@code dir} unless it holds a workspace with a database already. */
    private void prepare(Path dir, PrintWriter out) {
        if (Files.exists(dir.resolve(Workspace.FILE))) {
            if (Workspace.open(dir).hasDatabase()) {
                out.println("workspace: " + dir + " (its history is reused; --days, --resources and --churn do not apply)");
                return;
            }
        }
        HistorySpec history = new HistorySpec(days, resources, churn, 42);
        out.printf(Locale.ROOT, "generating: %d daily scans of %,d resources, churn %s/day, seed 42, into %s%n", days, resources,
                churn, dir);
        out.flush();
        HistoryGenerator.Generation g = HistoryGenerator.bundled(history).generate(dir, new PrintWriter(java.io.Writer.nullWriter()));
        out.printf(Locale.ROOT, "generated %d scans (%d catalog checks, %,d findings in the last scan) in %.1f s%n", g.scans(),
                g.checksUsed(), g.findingsPerScan(), g.wallNanos() / 1e9);
    }

    /** The machine and how busy it is (load average), so figures can be judged. */
    private static void machine(PrintWriter out, String when) {
        String load = "n/a";
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            // not Linux: no load average to show
        }
        if (when.equals("before")) {
            out.printf(Locale.ROOT, "machine: %d cores, max heap %.0f MB, %s %s, JVM flags %s%n", Runtime.getRuntime().availableProcessors(),
                    mb(Runtime.getRuntime().maxMemory()), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                    ManagementFactory.getRuntimeMXBean().getInputArguments());
        }
        out.printf("load average %s: %s%n", when, load);
        out.flush();
    }

    private static String yes(boolean ok) {
        return ok ? "met" : "MISSED";
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
