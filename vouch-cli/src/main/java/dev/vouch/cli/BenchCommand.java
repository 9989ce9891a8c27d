package dev.vouch.cli;

import dev.vouch.cli.bench.EstateGenerator;
import dev.vouch.cli.scan.Scanner;
import dev.vouch.cli.scan.SourceRegistry;
import dev.vouch.cli.workspace.SourceSpec;
import dev.vouch.engine.Check;
import dev.vouch.model.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks on a synthetic estate (figures go to docs/benchmarks.md).",
            "Generates seeded Azure exports and/or Terraform, scans them with the full catalog in this",
            "process, and prints wall time, phase times and peak heap. Run with -Xmx1g to hold the heap bar:",
            "  JAVA_OPTS=-Xmx1g ./vouch bench --azure-resources 100000"})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--azure-resources", description = "Exported Azure resources to generate (REST shape).") int azure;
    @Option(names = "--terraform-resources", description = "Terraform azurerm resources to generate.") int terraform;
    @Option(names = "--seed", description = "Generator seed (default 42).") long seed = 42;
    @Option(names = "--runs", description = "Scan the same estate this many times; the first run warms the JIT (default 3; history timings take the median of at least 5 after a warm-up).") int runs = 3;
    @Option(names = "--checks-fraction", description = "Use only this share of the catalog, to see how cost grows with checks (default 1.0).") double fraction = 1.0;
    @Option(names = "--keep", paramLabel = "DIR", description = "Generate into DIR and keep it (default: a temporary folder, deleted).") Path keep;
    @Option(names = "--generate-only", description = "Only write the estate to --keep DIR.") boolean generateOnly;
    @Option(names = "--vault-entries", description = "Vault benchmark: append this many small statements, verify, prove; and export a 10,000-entry bundle.") int vaultEntries;
    @Option(names = "--vault-batch", description = "Statements per append batch (one signed checkpoint each; default 10,000).") int vaultBatch = 10_000;
    @Option(names = "--history-days", paramLabel = "N", description = {"History benchmark: record N daily scans of a synthetic estate into a workspace",
        "(--keep DIR, or a temporary one), then time score --as-of and type2 on it."}) int historyDays;
    @Option(names = "--history-resources", paramLabel = "N", description = "Resources in the synthetic estate (default 20,000; 1-3 catalog checks each, about 2.6 findings per resource).") int historyResources = 20_000;
    @Option(names = "--measure-only", description = "History benchmark: measure the history already in --keep DIR (generated earlier with --generate-only).") boolean measureOnly;
    @Option(names = "--churn", paramLabel = "SHARE", description = "Share of resources changed per day: removed, added or an outcome flipped (default 0.005).") double churn = 0.005;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (vaultEntries > 0) {
            Path vdir = Files.createTempDirectory("vouch-vault-bench");
            dev.vouch.cli.bench.VaultBench vb = new dev.vouch.cli.bench.VaultBench(spec.commandLine().getOut());
            vb.run(vdir, vaultEntries, vaultBatch);
            vb.bundle(vdir, 10_000);
            spec.commandLine().getOut().println("(files in " + vdir + ")");
            return ExitCode.OK;
        }
        if (historyDays > 0 || measureOnly) {
            return history();
        }
        if (azure <= 0 && terraform <= 0) {
            throw new IllegalArgumentException("give --azure-resources N and/or --terraform-resources N, --vault-entries N or --history-days N");
        }
        if (generateOnly && keep == null) {
            throw new IllegalArgumentException("--generate-only needs --keep DIR");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? keep : Files.createTempDirectory("vouch-bench");
        EstateGenerator gen = new EstateGenerator(seed);
        List<SourceSpec> sources = new ArrayList<>();
        long g0 = System.nanoTime();
        if (azure > 0) {
            gen.writeAzureExport(dir.resolve("azure-export"), azure);
            sources.add(new SourceSpec(SourceSpec.Kind.AZURE_EXPORT, dir.resolve("azure-export")));
        }
        if (terraform > 0) {
            gen.writeTerraform(dir.resolve("terraform"), terraform);
            sources.add(new SourceSpec(SourceSpec.Kind.TERRAFORM, dir.resolve("terraform")));
        }
        out.printf("generated %d azure + %d terraform resources in %s (%d ms)%n", azure, terraform, dir,
                Duration.ofNanos(System.nanoTime() - g0).toMillis());
        if (generateOnly) {
            return ExitCode.OK;
        }
        List<Check> all = Catalogs.bundled().checks();
        List<Check> checks = all.subList(0, Math.max(1, (int) Math.round(all.size() * fraction)));
        out.printf("machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Clock clock = Clock.systemUTC();
        for (int run = 1; run <= runs; run++) {
            resetPeaks();
            List<String> phases = new ArrayList<>();
            Scanner scanner = new Scanner(new SourceRegistry(clock, Duration.ofDays(90), dir), checks, clock, phases::add);
            long t0 = System.nanoTime();
            ScanResult r = scanner.scan(sources, List.of());
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            out.printf("run %d: %d resources, %d checks, %d findings, %d errors: wall %d ms, peak heap %d MB%n", run,
                    r.resourceCount(), checks.size(), r.findings().size(), r.errors().size(), ms, peakHeapBytes() / (1024 * 1024));
            phases.forEach(p -> out.println("       " + p));
            out.flush();
        }
        if (keep == null) {
            deleteTree(dir);
        }
        return ExitCode.OK;
    }

    /** --history-days: generate a synthetic history into a workspace, then time the history commands on it. */
    private int history() throws IOException {
        if ((generateOnly || measureOnly) && keep == null) {
            throw new IllegalArgumentException((measureOnly ? "--measure-only" : "--generate-only") + " needs --keep DIR");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (measureOnly) {
            new dev.vouch.cli.bench.HistoryBench(out, Math.max(runs, 5)).run(keep);
            return ExitCode.OK;
        }
        var historySpec = new dev.vouch.cli.bench.HistorySpec(historyDays, historyResources, churn, seed);
        Path dir = keep != null ? keep : Files.createTempDirectory("vouch-history-bench");
        out.printf("machine: %d cores, max heap %d MB, %s %s, JVM flags %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        out.printf("history: %d daily scans of %,d resources, churn %s/day (%d resources), seed %d, into %s%n", historyDays,
                historyResources, churn, historySpec.changesPerDay(), seed, dir);
        out.flush();
        var g = dev.vouch.cli.bench.HistoryGenerator.bundled(historySpec).generate(dir, out);
        out.printf("generated %d scans (%d catalog checks, %,d findings per scan, %,d resource changes) in %.1f s:"
                        + " building findings %.1f s; recordScan median %.0f ms, mean %.0f ms, max %.0f ms (first scan %.0f ms)%n",
                g.scans(), g.checksUsed(), g.findingsPerScan(), g.changedResources(), g.wallNanos() / 1e9, g.buildNanos() / 1e9,
                g.recordMedianMs(), g.recordMeanMs(), g.recordMaxMs(), g.recordNanos()[0] / 1e6);
        out.flush();
        if (!generateOnly) {
            new dev.vouch.cli.bench.HistoryBench(out, Math.max(runs, 5)).run(dir);
        }
        if (keep == null) {
            deleteTree(dir);
        }
        return ExitCode.OK;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
