package dev.vouch.cli;

import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.schedule.LedgerState;
import dev.vouch.schedule.MissedRun;
import dev.vouch.schedule.MissedRuns;
import dev.vouch.schedule.RunLedger;
import dev.vouch.schedule.RunOutcome;
import dev.vouch.schedule.RunRecord;
import dev.vouch.schedule.Schedule;
import dev.vouch.schedule.Scheduler;
import dev.vouch.schedule.TickResult;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Scans on the workspace's cron schedule: show it, or run it in the foreground.", "",
            "The schedule is 'schedule:' in vouch.yaml (docs/scheduling.md), e.g. schedule: {cron: \"0 2 * * *\", zone: Europe/Amsterdam}.",
            "One scan at a time per workspace (.vouch/scan.lock, shared with vouch scan); runs are kept in",
            ".vouch/schedule.json, so a restart neither repeats nor forgets them: after downtime one catch-up scan",
            "runs and the other slots are recorded as missed (coverage gaps)."},
        subcommands = {ScheduleCommand.Status.class, ScheduleCommand.Run.class})
final class ScheduleCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    static Schedule scheduleOf(Workspace ws) {
        return ws.schedule().orElseThrow(() -> new ConfigException(ws.dir().resolve(Workspace.FILE)
                + ": no 'schedule' (e.g. schedule: \"0 2 * * *\" for 02:00 UTC every day)"));
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The schedule, its next runs, the last runs and the slots missed in the last --days.")
    static final class Status implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE") Path dir;
        @Option(names = "--days", description = "How far back to report missed slots (default 30).") int days = 30;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Workspace ws = Workspace.open(dir == null ? Path.of(".") : dir);
            Schedule schedule = scheduleOf(ws);
            Instant now = Instant.now();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("schedule  %s (%s)%n", schedule.expression(), schedule.zone());
            Instant t = now;
            for (int i = 0; i < 3; i++) {
                t = schedule.next(t);
                out.printf("next      %s%n", t);
            }
            RunLedger ledger = RunLedger.forWorkspace(ws.dir(), Clock.systemUTC());
            RunLedger.Loaded loaded;
            try {
                loaded = new RunLedger.Loaded(ledger.read(), List.of()); // read-only: a corrupt file is reported, not moved
            } catch (dev.vouch.schedule.LedgerCorruptException e) {
                throw new ConfigException(e.getMessage() + " (vouch schedule run sets it aside and starts a new one)");
            }
            List<RunRecord> runs = loaded.state().map(LedgerState::runs).orElse(List.of());
            out.printf("runs      %d recorded in %s%n", runs.size(), ledger.file());
            runs.subList(Math.max(0, runs.size() - 10), runs.size()).forEach(r -> out.printf("  %s  %-7s %s%s%n", r.slot(),
                    r.status(), r.finished().map(f -> "finished " + f).orElse("running"), r.message().isEmpty() ? "" : "  " + r.message()));
            List<MissedRun> missed = loaded.state().isEmpty() ? List.of()
                    : MissedRuns.between(schedule, loaded.state().get(), now.minus(Duration.ofDays(days)), now);
            out.printf("missed    %d gap(s) in the last %d days%n", missed.size(), days);
            missed.forEach(m -> out.printf("  %s .. %s  %d slot(s), %s%n", m.from(), m.to(), m.missedSlots(),
                    m.reason().wireName()));
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Run scans on the schedule until stopped (Ctrl-C, or the service manager).",
                "Each scan is 'vouch scan WORKSPACE -q' in this process; its outcome is kept in .vouch/schedule.json."})
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE") Path dir;
        @Option(names = "--interval", paramLabel = "SECONDS", description = "How often to look for a due slot (default 30).") long interval = 30;
        @Option(names = "--once", description = "Look once (run the scan if one is due) and exit: for cron jobs and tests. Exit 3 when the scan it ran failed.") boolean once;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            Workspace ws = Workspace.open(dir == null ? Path.of(".") : dir);
            Schedule schedule = scheduleOf(ws);
            PrintWriter err = spec.commandLine().getErr();
            Scheduler scheduler = Scheduler.forWorkspace(ws.dir(), schedule, Clock.systemUTC(), slot -> scan(ws, slot, err));
            err.printf("vouch: scheduling %s on %s (%s)%n", ws.dir(), schedule.expression(), schedule.zone());
            err.flush();
            int exit = ExitCode.OK;
            do {
                try {
                    TickResult r = scheduler.tick();
                    report(r, err);
                    if (r instanceof TickResult.Ran ran && ran.outcome() instanceof RunOutcome.Failed) {
                        exit = ExitCode.INCOMPLETE;
                    }
                } catch (RuntimeException e) {
                    // a bad tick (ledger unwritable, ...) is reported and retried next time; the loop keeps running
                    err.println("vouch: scheduler: " + e.getMessage());
                    err.flush();
                    exit = ExitCode.INTERNAL;
                }
                if (!once) {
                    Thread.sleep(Duration.ofSeconds(Math.max(1, interval)).toMillis());
                }
            } while (!once);
            return exit;
        }

        private static RunOutcome scan(Workspace ws, Instant slot, PrintWriter err) {
            try {
                int code = ScanGuard.underScheduler(ws, () -> {
                    CommandLine cl = Main.commandLine();
                    cl.setOut(new PrintWriter(Writer.nullWriter()));
                    cl.setErr(err);
                    return cl.execute("scan", ws.dir().toString(), "-q");
                });
                return switch (code) {
                    case ExitCode.OK, ExitCode.FINDINGS -> RunOutcome.ok();
                    case ExitCode.INCOMPLETE -> RunOutcome.failed("scan incomplete (exit 3): some sources could not be read; "
                            + "the rest was recorded");
                    default -> RunOutcome.failed("scan failed with exit code " + code);
                };
            } catch (Exception e) {
                return RunOutcome.failed("scan failed: " + e.getMessage());
            }
        }

        private static void report(TickResult r, PrintWriter err) {
            if (r instanceof TickResult.Ran ran) {
                err.printf("vouch: scheduled scan for %s: %s%s%n", ran.slot(), ran.outcome() instanceof RunOutcome.Failed f
                        ? "FAILED: " + f.message() : "ok", ran.missedSlots() > 0 ? " (" + ran.missedSlots() + " earlier slot(s) missed)" : "");
                ran.warnings().forEach(w -> err.println("vouch: " + w));
            } else if (r instanceof TickResult.Idle idle) {
                idle.warnings().forEach(w -> err.println("vouch: " + w));
            } else if (r instanceof TickResult.Busy busy) {
                err.println("vouch: another scan holds the workspace (" + busy.holder().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + "); waiting");
            }
            err.flush();
        }
    }
}
