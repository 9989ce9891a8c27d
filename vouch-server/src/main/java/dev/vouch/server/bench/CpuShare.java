package dev.vouch.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Who used the machine's CPUs between two readings: this process (server and bench clients together) and everything
 * else, from {@code /proc/stat} and the JVM's process CPU time. Tells whether a figure was measured on a quiet machine.
 */
final class CpuShare {
    private static final Path STAT = Path.of("/proc/stat");
    private final long wall0 = System.nanoTime();
    private final long own0 = ownNanos();
    private final Optional<long[]> machine0 = machine(STAT);
    private final java.util.Map<Long, Long> threads0 = threadNanos();

    /** What happened since this was made. */
    record Used(double ownShare, Optional<Double> othersShare, double ownCpuMs, double serverMs, double clientMs) {
        String describe(int requests) {
            double n = Math.max(1, requests);
            return String.format(java.util.Locale.ROOT, "cpu: this process %.0f %% of the machine, other processes %s; %.2f ms CPU per"
                            + " request: server threads %.2f, bench clients %.2f, the rest (GC, JIT) %.2f",
                    ownShare * 100, othersShare.map(o -> String.format(java.util.Locale.ROOT, "%.0f %%", o * 100)).orElse("n/a"),
                    ownCpuMs / n, serverMs / n, clientMs / n, Math.max(0, ownCpuMs - serverMs - clientMs) / n);
        }
    }

    Used since() {
        long wall = Math.max(1, System.nanoTime() - wall0);
        int cores = Runtime.getRuntime().availableProcessors();
        long own = ownNanos() - own0;
        double ownShare = own / (double) wall / cores;
        Optional<Double> others = machine0.flatMap(a -> machine(STAT).map(b -> {
            long total = b[0] - a[0];
            long busy = b[1] - a[1];
            return total <= 0 ? 0.0 : Math.max(0, busy / (double) total - ownShare);
        }));
        long server = 0;
        long client = 0;
        java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        for (java.lang.management.ThreadInfo t : tm.getThreadInfo(tm.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long used = tm.getThreadCpuTime(t.getThreadId()) - threads0.getOrDefault(t.getThreadId(), 0L);
            if (t.getThreadName().startsWith("http-nio-")) {
                server += Math.max(0, used);
            } else if (t.getThreadName().startsWith("bench-client-") || t.getThreadName().startsWith("HttpClient-")) {
                client += Math.max(0, used);
            }
        }
        return new Used(ownShare, others, own / 1e6, server / 1e6, client / 1e6);
    }

    /** CPU time of every live thread, by id. */
    private static java.util.Map<Long, Long> threadNanos() {
        java.lang.management.ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : tm.getAllThreadIds()) {
            out.put(id, tm.getThreadCpuTime(id));
        }
        return out;
    }

    private static long ownNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Total and busy jiffies of the {@code cpu} line (busy = all but idle and iowait); empty where unreadable. */
    static Optional<long[]> machine(Path stat) {
        try {
            for (String line : Files.readAllLines(stat)) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long total = 0;
                    for (int i = 1; i < Math.min(f.length, 9); i++) {
                        total += Long.parseLong(f[i]);
                    }
                    long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
                    return Optional.of(new long[] {total, total - idle});
                }
            }
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
