package dev.vouch.server;

import dev.vouch.cli.ExitCode;
import dev.vouch.cli.Main;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/**
 * Scans started from the UI, the API or the server's scheduler: one at a time, each exactly {@code vouch scan
 * WORKSPACE} run in this process (same lock, same recording into the store and the vault), with its progress lines
 * kept for the page that watches it.
 */
@Service
public class ScanJobs implements AutoCloseable {
    private static final int KEEP = 50;
    private final WorkspaceContext ws;
    private final DashboardService dashboard;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vouch-scan");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Job active;
    private final List<java.util.function.Consumer<Job>> afterScan = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ScanJobs(WorkspaceContext ws, DashboardService dashboard) {
        this.ws = ws;
        this.dashboard = dashboard;
    }

    /** A scan run by the server. */
    public static final class Job {
        private final long id;
        private final String requestedBy;
        private final Instant requestedAt;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private volatile String state = "queued";
        private volatile Instant finishedAt;
        private volatile int exitCode = -1;

        Job(long id, String requestedBy, Instant requestedAt) {
            this.id = id;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
        }

        public long getId() {
            return id;
        }

        public String getRequestedBy() {
            return requestedBy;
        }

        public Instant getRequestedAt() {
            return requestedAt;
        }

        /** queued, running, succeeded (findings or not), incomplete (some source unreadable) or failed */
        public String getState() {
            return state;
        }

        public Optional<Instant> getFinishedAt() {
            return Optional.ofNullable(finishedAt);
        }

        public int getExitCode() {
            return exitCode;
        }

        public List<String> getLines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        public boolean isDone() {
            return finishedAt != null;
        }
    }

    /** Thrown when a scan is already queued or running in this server. */
    public static final class Busy extends RuntimeException {
        private final transient Job job;

        Busy(Job job) {
            super("a scan is already " + job.getState() + " (job " + job.getId() + ", requested by " + job.getRequestedBy() + ")");
            this.job = job;
        }

        public Job job() {
            return job;
        }
    }

    /** Queues a scan now, unless one is queued or running. */
    public synchronized Job start(String by) {
        Job current = active;
        if (current != null && !current.isDone()) {
            throw new Busy(current);
        }
        Job job = new Job(ids.incrementAndGet(), by, ws.clock().instant());
        keep(job);
        active = job;
        runner.submit(() -> run(job, false));
        return job;
    }

    /** Adds {@code job}, forgetting the oldest beyond {@link #KEEP} (scheduled runs too: a schedule runs forever). */
    private void keep(Job job) {
        jobs.put(job.id, job);
        synchronized (jobs) {
            while (jobs.size() > KEEP) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
    }

    /** Runs a scan on the calling thread (the scheduler's, which holds the workspace's scan lock already). */
    public int runScheduled(String by) {
        Job job;
        synchronized (this) {
            job = new Job(ids.incrementAndGet(), by, ws.clock().instant());
            keep(job);
            active = job;
        }
        run(job, true);
        return job.exitCode;
    }

    private void run(Job job, boolean underSchedulerLock) {
        job.state = "running";
        Writer sink = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n') {
                        job.lines.add(line.toString());
                        line.setLength(0);
                    } else if (line.length() < 2000) {
                        line.append(buf[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        int code;
        try {
            java.util.concurrent.Callable<Integer> scan = () -> {
                picocli.CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(Writer.nullWriter()));
                cl.setErr(new PrintWriter(sink, true));
                return cl.execute("scan", ws.workspace().dir().toString(), "--no-color");
            };
            code = underSchedulerLock ? dev.vouch.cli.ScanGuard.underScheduler(ws.workspace(), scan) : scan.call();
        } catch (Exception e) {
            job.lines.add("vouch: scan failed: " + e.getMessage());
            code = ExitCode.INTERNAL;
        }
        job.exitCode = code;
        job.state = switch (code) {
            case ExitCode.OK, ExitCode.FINDINGS -> "succeeded";
            case ExitCode.INCOMPLETE -> "incomplete";
            default -> "failed";
        };
        job.finishedAt = ws.clock().instant();
        dashboard.changed();
        for (java.util.function.Consumer<Job> hook : afterScan) {
            try {
                hook.accept(job);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ScanJobs.class).warn("after scan job {}: {}", job.id, e.getClass().getSimpleName());
            }
        }
    }

    /** Runs {@code hook} on the scan's thread after every scan this server ran (it must hand slow work to another thread). */
    public void afterScan(java.util.function.Consumer<Job> hook) {
        afterScan.add(hook);
    }

    public Optional<Job> job(long id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<Job> recent() {
        synchronized (jobs) {
            List<Job> out = new ArrayList<>(jobs.values());
            Collections.reverse(out);
            return out;
        }
    }

    public Optional<Job> active() {
        return Optional.ofNullable(active).filter(j -> !j.isDone());
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
