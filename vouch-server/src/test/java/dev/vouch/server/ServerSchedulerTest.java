package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import dev.vouch.schedule.LedgerState;
import dev.vouch.schedule.RunLedger;
import dev.vouch.schedule.RunRecord;
import dev.vouch.schedule.ScanLock;
import dev.vouch.schedule.TickResult;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler inside a real server on a schedule of every minute, with a clock the test moves and a 100 ms tick:
 * a due slot is scanned and recorded, slots missed while "down" are shown, a scan started from the UI makes the tick
 * report Busy and the slot runs afterwards, and a failing tick does not stop the scheduler.
 */
class ServerSchedulerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:30Z");
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private ServerFixture f;

    private ServerFixture start(boolean scheduler) {
        Path ws = SchedulingWorkspace.create(dir, "schedule: \"* * * * *\"\n");
        ServerSettings s = new ServerSettings(ws, InetAddress.getLoopbackAddress(), 0, false, Duration.ofMinutes(30), scheduler,
                Optional.empty(), clock);
        f = ServerFixture.start(s, Map.of(), Map.of("schedulerTuning", new ServerScheduler.Tuning(Duration.ofMillis(100))));
        return f;
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private RunLedger ledger() {
        return RunLedger.forWorkspace(f.workspace, clock);
    }

    private List<RunRecord> runs() {
        return ledger().read().map(LedgerState::runs).orElse(List.of());
    }

    private boolean finished(Instant slot) {
        return runs().stream().anyMatch(r -> r.slot().equals(slot) && r.status() != RunRecord.Status.RUNNING);
    }

    @Test
    void dueSlotIsScannedAndRecordedAndMissedSlotsAfterDowntimeAreShown() throws Exception {
        start(true);
        ServerScheduler scheduler = f.bean(ServerScheduler.class);
        SchedulingWorkspace.await("the first tick starts the ledger", () -> ledger().read().isPresent());
        assertThat(runs()).isEmpty(); // a new ledger waits for the next slot
        assertThat(f.bean(WorkspaceContext.class).store().latestScan()).isEmpty();

        clock.set(Instant.parse("2026-12-01T10:05:10Z")); // four slots passed unseen, the fifth is due
        Instant slot = Instant.parse("2026-12-01T10:05:00Z");
        SchedulingWorkspace.await("the 10:05 run is recorded", () -> finished(slot));

        RunRecord run = runs().get(runs().size() - 1);
        assertThat(run.status()).isEqualTo(RunRecord.Status.OK);
        assertThat(runs()).hasSize(1);
        assertThat(f.bean(WorkspaceContext.class).store().scans()).hasSize(1);
        ScanJobs.Job job = f.bean(ScanJobs.class).recent().get(0);
        assertThat(job.getRequestedBy()).isEqualTo(ServerScheduler.ACTOR);
        assertThat(job.getState()).isEqualTo("succeeded");
        assertThat(scheduler.hosting()).isTrue();

        SchedulingWorkspace.await("an idle tick after the run", () -> scheduler.lastTick()
                .map(t -> t.result().equals("idle; next slot 2026-12-01T10:06:00Z")).orElse(false));
        Optional<String> secret = f.user("alice", Role.ADMIN, Optional.empty(), Optional.empty());
        String token = f.token("alice", TokenScope.READ);
        JsonNode s = JSON.readTree(f.api("GET", "/api/v1/schedule", token, null).body());
        assertThat(s.path("configured").asBoolean()).isTrue();
        assertThat(s.path("hosted").asBoolean()).isTrue();
        assertThat(s.path("expression").asText()).isEqualTo("* * * * *");
        assertThat(s.path("next")).extracting(JsonNode::asText)
                .containsExactly("2026-12-01T10:06:00Z", "2026-12-01T10:07:00Z", "2026-12-01T10:08:00Z");
        assertThat(s.path("runs").get(0).path("slot").asText()).isEqualTo("2026-12-01T10:05:00Z");
        assertThat(s.path("runs").get(0).path("status").asText()).isEqualTo("ok");
        JsonNode gap = s.path("missed").get(0);
        assertThat(s.path("missed")).hasSize(1);
        assertThat(gap.path("from").asText()).isEqualTo("2026-12-01T10:01:00Z");
        assertThat(gap.path("to").asText()).isEqualTo("2026-12-01T10:05:00Z");
        assertThat(gap.path("slots").asInt()).isEqualTo(4);
        assertThat(gap.path("reason").asText()).isEqualTo("not-running");
        assertThat(s.path("lastTick").asText()).contains("next slot 2026-12-01T10:06:00Z");

        ServerFixture.Browser b = f.browser();
        b.get("/login"); // signed in by hand: the server checks the TOTP code against its (the test's) clock
        b.post("/login", Map.of("username", "alice", "password", ServerFixture.PASSWORD));
        b.get("/login/totp");
        assertThat(ServerFixture.location(b.post("/login/totp", Map.of("code",
                dev.vouch.auth.Totp.codeAt(secret.orElseThrow(), clock.instant()))))).isEqualTo("/");
        String page = b.get("/scans").body();
        assertThat(page).contains("Scheduled scans run in this server", "2026-12-01T10:06:00Z", "Missed slots",
                "2026-12-01T10:01:00Z", "not-running", "Last scheduled runs");
    }

    @Test
    void aScanStartedFromTheUiMakesTheTickBusyAndTheSlotRunsAfterIt() {
        start(true);
        SchedulingWorkspace.await("the first tick starts the ledger", () -> ledger().read().isPresent());
        ServerScheduler scheduler = f.bean(ServerScheduler.class);
        ScanJobs jobs = f.bean(ScanJobs.class);

        ScanJobs.Job ui = jobs.start("carol");
        clock.set(Instant.parse("2026-12-01T10:01:05Z"));
        Instant slot = Instant.parse("2026-12-01T10:01:00Z");
        Optional<TickResult> r = scheduler.tickNow();
        assertThat(ui.isDone()).as("the UI scan outlasts one tick").isFalse();
        assertThat(r).containsInstanceOf(TickResult.Busy.class);
        assertThat(((TickResult.Busy) r.get()).holder()).isEqualTo(TickResult.Holder.THIS_PROCESS);
        assertThat(scheduler.busyTicks()).isPositive();
        assertThat(scheduler.lastTick().orElseThrow().result()).startsWith("busy");

        SchedulingWorkspace.await("the slot runs once the UI scan is done", () -> finished(slot));
        assertThat(ui.getState()).isEqualTo("succeeded");
        assertThat(runs()).singleElement().extracting(RunRecord::status).isEqualTo(RunRecord.Status.OK);
        assertThat(runs().get(0).started()).isAfterOrEqualTo(Instant.parse("2026-12-01T10:01:05Z"));
        assertThat(jobs.recent()).extracting(ScanJobs.Job::getRequestedBy).containsExactly(ServerScheduler.ACTOR, "carol");
        assertThat(f.bean(WorkspaceContext.class).store().scans()).hasSize(2);

        // a scan elsewhere (vouch scan in another process holds .vouch/scan.lock): Busy too, and the slot waits for it
        java.util.concurrent.atomic.AtomicReference<ScanLock.Held> lock = new java.util.concurrent.atomic.AtomicReference<>();
        SchedulingWorkspace.await("the lock between two idle ticks", () -> { // each tick holds it for a moment
            ScanLock.forWorkspace(f.workspace).tryAcquire().ifPresent(lock::set);
            return lock.get() != null;
        });
        ScanLock.Held held = lock.get();
        Instant next = Instant.parse("2026-12-01T10:02:00Z");
        try {
            clock.set(Instant.parse("2026-12-01T10:02:05Z"));
            SchedulingWorkspace.await("a tick finds the lock held elsewhere", () -> scheduler.lastTick()
                    .map(t -> t.result().startsWith("busy: another scan holds the workspace (other process)")).orElse(false));
            assertThat(finished(next)).isFalse();
        } finally {
            held.close();
        }
        SchedulingWorkspace.await("the 10:02 slot runs once the lock is free", () -> finished(next));
    }

    @Test
    void aFailingTickIsReportedAndTheSchedulerCarriesOn() throws Exception {
        start(true);
        SchedulingWorkspace.await("the first tick starts the ledger", () -> ledger().read().isPresent());
        ServerScheduler scheduler = f.bean(ServerScheduler.class);
        Path file = ledger().file();
        Files.delete(file);
        Files.createDirectory(file); // unreadable as a ledger and not movable aside: every tick fails
        SchedulingWorkspace.await("a tick fails", () -> scheduler.lastTick().map(t -> t.result().startsWith("failed")).orElse(false));
        long failedAt = scheduler.ticks();
        SchedulingWorkspace.await("ticks go on", () -> scheduler.ticks() > failedAt + 2);

        Files.delete(file);
        clock.set(Instant.parse("2026-12-01T10:01:05Z"));
        SchedulingWorkspace.await("a fresh ledger after the fault", () -> ledger().read().isPresent());
        clock.set(Instant.parse("2026-12-01T10:02:05Z"));
        SchedulingWorkspace.await("the next slot runs", () -> finished(Instant.parse("2026-12-01T10:02:00Z")));
    }

    @Test
    void noSchedulerFlagLeavesTheScheduleAloneButStillShowsIt() throws Exception {
        start(false);
        ServerScheduler scheduler = f.bean(ServerScheduler.class);
        clock.set(Instant.parse("2026-12-01T10:05:10Z"));
        assertThat(scheduler.hosting()).isFalse();
        assertThat(scheduler.ticks()).isZero();
        assertThat(ledger().read()).isEmpty();
        f.user("bob", Role.VIEWER, Optional.empty(), Optional.empty());
        JsonNode s = JSON.readTree(f.api("GET", "/api/v1/schedule", f.token("bob", TokenScope.READ), null).body());
        assertThat(s.path("configured").asBoolean()).isTrue();
        assertThat(s.path("hosted").asBoolean()).isFalse();
        assertThat(s.path("runs")).isEmpty();
        assertThat(s.path("next").get(0).asText()).isEqualTo("2026-12-01T10:06:00Z");
    }
}
