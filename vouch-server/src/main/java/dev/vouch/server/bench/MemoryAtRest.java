package dev.vouch.server.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The process's memory once idle: live heap after a full collection, heap committed, and the resident set size. */
record MemoryAtRest(long heapUsed, long heapCommitted, long heapMax, Optional<Long> rss) {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** Collects (twice: the first may only queue finalizable objects) and reads the figures. */
    static MemoryAtRest measure() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new MemoryAtRest(heap.getUsed(), heap.getCommitted(), heap.getMax(), rss(STATUS));
    }

    /** {@code VmRSS} of a {@code /proc/PID/status} file, in bytes; empty where there is no such file (not Linux). */
    static Optional<Long> rss(Path status) {
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equalsIgnoreCase("kB") && parts[0].matches("\\d{1,15}")) {
                    return Optional.of(Long.parseLong(parts[0]) * 1024);
                }
                throw new IllegalStateException(status + ": line 'VmRSS:' is not '<number> kB': '" + line + "'");
            }
        }
        return Optional.empty();
    }
}
