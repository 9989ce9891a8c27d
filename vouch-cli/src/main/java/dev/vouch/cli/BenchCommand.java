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
    @Option(names = "--runs", description = "Scan the same estate this many times; the first run warms the JIT (default 3).") int runs = 3;
    @Option(names = "--checks-fraction", description = "Use only this share of the catalog, to see how cost grows with checks (default 1.0).") double fraction = 1.0;
    @Option(names = "--keep", paramLabel = "DIR", description = "Generate into DIR and keep it (default: a temporary folder, deleted).") Path keep;
    @Option(names = "--generate-only", description = "Only write the estate to --keep DIR.") boolean generateOnly;
    @Option(names = "--vault-entries", description = "Vault benchmark: append this many small statements, verify, prove; and export a 10,000-entry bundle.") int vaultEntries;
    @Option(names = "--vault-batch", description = "Statements per append batch (one signed checkpoint each; default 10,000).") int vaultBatch = 10_000;
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
        if (azure <= 0 && terraform <= 0) {
            throw new IllegalArgumentException("give --azure-resources N and/or --terraform-resources N, or --vault-entries N");
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
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return ExitCode.OK;
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
