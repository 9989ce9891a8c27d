package dev.vouch.server;

import dev.vouch.cli.ExitCode;
import dev.vouch.schedule.RunOutcome;
import dev.vouch.schedule.Schedule;
import dev.vouch.schedule.Scheduler;
import dev.vouch.schedule.TickResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs vouch.yaml's scan schedule inside the server (unless {@code --no-scheduler}): a daemon thread calls
 * {@link Scheduler#tick()} every 30 seconds once the server is ready, and stops when it closes. Scans run one at a
 * time: a tick while a scan started from the UI, the API or {@code vouch scan} is queued or running reports
 * {@code Busy} and the slot runs on a later tick. The run ledger ({@code .vouch/schedule.json}) is the one
 * {@code vouch schedule} uses, so missed slots after downtime are recorded the same way. A failing tick is logged
 * and the next one runs as usual. Each tick also lets the notifications look for overdue tasks (once a day).
 */
@Component
public class ServerScheduler implements AutoCloseable {
    /** How often to tick; tests register a shorter one. */
    public record Tuning(Duration interval) {
        public static final Tuning DEFAULT = new Tuning(Duration.ofSeconds(30));
    }

    /** What the last tick did, for the Scans page and {@code GET /api/v1/schedule}. */
    public record LastTick(Instant at, String result) {
    }

    static final String ACTOR = "scheduler";
    private static final Logger LOG = LoggerFactory.getLogger(ServerScheduler.class);
    private final WorkspaceContext ws;
    private final ScanJobs jobs;
    private final ServerNotifications notifications;
    private final Duration interval;
    private final Optional<Scheduler> scheduler;
    private final Object wake = new Object();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private volatile boolean stopping;
    private volatile Thread thread;
    private volatile LastTick last;

    public ServerScheduler(WorkspaceContext ws, ScanJobs jobs, ServerNotifications notifications, ObjectProvider<Tuning> tuning) {
        this.ws = ws;
        this.jobs = jobs;
        this.notifications = notifications;
        this.interval = tuning.getIfAvailable(() -> Tuning.DEFAULT).interval();
        Optional<Schedule> schedule = ws.workspace().schedule();
        this.scheduler = schedule.map(s -> Scheduler.forWorkspace(ws.workspace().dir(), s, ws.clock(), this::runSlot));
    }

    /** Whether this server runs the schedule (enabled, and vouch.yaml has one). */
    public boolean hosting() {
        return ws.settings().scheduler() && scheduler.isPresent();
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        if (!ws.settings().scheduler()) {
            LOG.info("scheduler: off (--no-scheduler); scheduled scans are left to 'vouch schedule run'");
            return;
        }
        ws.workspace().schedule().ifPresentOrElse(
                s -> LOG.info("scheduler: scanning on {} ({}), looking every {} s", s.expression(), s.zone(), interval.toSeconds()),
                () -> LOG.info("scheduler: vouch.yaml has no 'schedule'; no scheduled scans"));
        Thread t = new Thread(this::loop, "vouch-scheduler");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        while (!stopping) {
            tickNow();
            synchronized (wake) {
                if (stopping) {
                    return;
                }
                try {
                    wake.wait(Math.max(1, interval.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One tick: runs the due slot unless a scan is in progress (then {@code Busy}); never throws. Public so that the
     * tick can be driven directly; the thread calls it every interval.
     */
    public Optional<TickResult> tickNow() {
        Instant at = ws.clock().instant();
        ticks.incrementAndGet();
        try {
            Optional<TickResult> r = scheduler.map(this::tickUnlessScanning);
            r.ifPresent(result -> last = new LastTick(at, describe(result)));
            notifications.daily();
            return r;
        } catch (RuntimeException e) {
            // a bad tick (ledger unwritable, disk full, ...) is reported and retried next time
            last = new LastTick(at, "failed: " + e.getClass().getSimpleName() + ": " + AuditTrail.clean(e.getMessage()));
            LOG.warn("scheduler: tick failed ({}: {}); trying again in {} ms", e.getClass().getSimpleName(), AuditTrail.clean(e.getMessage()),
                    interval.toMillis());
            return Optional.empty();
        }
    }

    private TickResult tickUnlessScanning(Scheduler s) {
        TickResult r = jobs.active().isPresent() ? new TickResult.Busy(TickResult.Holder.THIS_PROCESS) : s.tick();
        if (r instanceof TickResult.Busy) {
            busy.incrementAndGet();
        }
        if (!(r instanceof TickResult.Idle)) {
            LOG.info("scheduler: {}", describe(r));
        }
        return r;
    }

    /** Runs one slot's scan on this thread, under the lock the scheduler holds. */
    private RunOutcome runSlot(Instant slot) {
        int code = jobs.runScheduled(ACTOR);
        return switch (code) {
            case ExitCode.OK, ExitCode.FINDINGS -> RunOutcome.ok();
            case ExitCode.INCOMPLETE -> RunOutcome.failed("scan incomplete (exit 3): some sources could not be read; the rest was recorded");
            default -> RunOutcome.failed("scan failed with exit code " + code);
        };
    }

    static String describe(TickResult r) {
        if (r instanceof TickResult.Ran ran) {
            String outcome = ran.outcome() instanceof RunOutcome.Failed f ? "FAILED: " + f.message() : "ok";
            return "ran the scan for " + ran.slot() + ": " + outcome
                    + (ran.missedSlots() > 0 ? " (" + ran.missedSlots() + " earlier slot(s) missed)" : "");
        }
        if (r instanceof TickResult.Busy b) {
            return "busy: another scan holds the workspace (" + b.holder().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + "); the due slot runs on a later tick";
        }
        TickResult.Idle idle = (TickResult.Idle) r;
        return "idle; next slot " + idle.nextSlot() + (idle.warnings().isEmpty() ? "" : " (" + String.join("; ", idle.warnings()) + ")");
    }

    public Optional<LastTick> lastTick() {
        return Optional.ofNullable(last);
    }

    /** Ticks so far, and how many found a scan in progress. */
    public long ticks() {
        return ticks.get();
    }

    public long busyTicks() {
        return busy.get();
    }

    /** The schedule's state for the Scans page and the API. */
    public ScheduleStatus status() {
        return ScheduleStatus.of(ws, hosting(), lastTick());
    }

    @Override
    public void close() {
        stopping = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(Duration.ofSeconds(5).toMillis()); // a scan in progress keeps running; the thread is a daemon
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
