package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Remediation;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Manual timing harness, NOT a test: renders a synthetic 480,000-finding scan (109 checks, 100,000
 * resources, ~97,000 FAIL) once per format and prints the time to index ({@link ReportInput}) and render,
 * the output size and the heap peak (summed over heap pools, so an upper bound; it includes the scan).
 * Run one format per JVM so peaks do not mix:
 * {@code java -cp target/classes:target/test-classes:$(cat /tmp/rcp.txt) dev.vouch.report.RenderBench json}.
 */
public final class RenderBench {
    private static final int CHECKS = 109;
    private static final int RESOURCES = 100_000;
    private static final int FINDINGS = 480_000;
    private static final String SUB = "/subscriptions/6f1c2a9e-0b7d-4c55-9a3e-2d8b1f0c7e41/resourceGroups/rg-";

    private RenderBench() {
    }

    public static void main(String[] args) {
        String format = args.length == 0 ? "json" : args[0];
        ScanResult scan = scan();
        Renderer r = switch (format) {
            case "json" -> new JsonRenderer();
            case "sarif" -> new SarifRenderer("https://github.com/vouch-dev/vouch", true);
            case "junit" -> new JUnitRenderer();
            case "table" -> new TableRenderer(false);
            default -> throw new IllegalArgumentException("format must be json|sarif|junit|table, was " + format);
        };
        System.gc();
        long base = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        Counting out = new Counting();
        long t0 = System.nanoTime();
        ReportInput in = new ReportInput(scan, criteria());
        long indexMs = (System.nanoTime() - t0) / 1_000_000;
        r.render(in, out);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%-5s %6d ms (index %d ms)  %,13d chars  heap before %,5d MB  peak(sum of pools) %,5d MB%n",
                format, ms, indexMs, out.chars, base >> 20, heapPeak() >> 20);
        if (args.length > 1) {
            copy(r, in, Path.of(args[1]));
        }
    }

    /** Also writes the report to a file, to compare outputs of two builds byte for byte. */
    private static void copy(Renderer r, ReportInput in, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            r.render(in, w);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static ScanResult scan() {
        Random rnd = new Random(42);
        List<CheckInfo> checks = new ArrayList<>();
        for (int c = 0; c < CHECKS; c++) {
            checks.add(new CheckInfo(checkId(c), "Check number " + c + " holds", Severity.values()[c % 4],
                    "azure.type" + (c % 20), "Why check " + c + " matters.",
                    new Remediation("Fix resource for check " + c + ".", "az fix --check " + c, "fixed = true"),
                    Map.of("checkov", "CKV_" + c), List.of("tag" + (c % 7)), "checks/c" + c + "/check.yaml"));
        }
        List<Finding> findings = new ArrayList<>(FINDINGS);
        for (int i = 0; i < FINDINGS; i++) {
            int c = i % CHECKS;
            int res = rnd.nextInt(RESOURCES);
            findings.add(new Finding(checkId(c), Severity.values()[c % 4], "azure.type" + (c % 20),
                    SUB + (res % 300) + "/providers/Microsoft.Thing/things/thing-" + res, "thing-" + res, "azure",
                    outcome(rnd), "Thing thing-" + res + " has setting x = " + rnd.nextInt(10),
                    res % 2 == 0 ? Origin.of("azure-export", "exports/things-" + (res % 50) + ".json")
                            : new Origin("terraform", "infra/things-" + (res % 50) + ".tf", 1 + res % 400), ""));
        }
        Collections.shuffle(findings, rnd);
        List<CollectionError> errors = List.of(new CollectionError(new Origin("terraform", "infra/bad.tf", 3), "unexpected }"));
        return new ScanResult(Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-02T09:21:00Z"),
                List.of("azure-export:exports/", "terraform:infra/"), RESOURCES, findings, errors, List.of(), checks);
    }

    /** ~20% FAIL, ~0.5% ERROR/UNKNOWN, ~0.1% EXCEPTED, ~5% N/A, the rest PASS. */
    private static Outcome outcome(Random rnd) {
        int p = rnd.nextInt(1000);
        if (p < 202) {
            return Outcome.FAIL;
        }
        if (p < 207) {
            return p < 204 ? Outcome.ERROR : Outcome.UNKNOWN;
        }
        if (p < 208) {
            return Outcome.EXCEPTED;
        }
        return p < 258 ? Outcome.NOT_APPLICABLE : Outcome.PASS;
    }

    private static Map<String, List<String>> criteria() {
        Map<String, List<String>> m = new HashMap<>();
        String[] pool = {"CC6.1", "CC6.6", "CC7.2", "A1.2", "C1.1", "PI1.3", "P3.2"};
        for (int c = 0; c < CHECKS; c++) {
            m.put(checkId(c), List.of(pool[c % pool.length], pool[(c + 3) % pool.length]));
        }
        return m;
    }

    private static String checkId(int c) {
        return String.format("AZ-C%03d", c);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Discards output, counting characters. */
    private static final class Counting extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s, int off, int len) {
            chars += len;
        }

        @Override
        public void write(int c) {
            chars++;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
