package dev.vouch.cli;

import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.schedule.ScanLock;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * One scan at a time per workspace, across processes: a scan that records into a workspace holds its
 * {@code .vouch/scan.lock} (released by the OS if the process dies). The scheduler takes the lock before it
 * starts a scan in this process, so that scan runs under the scheduler's lock instead of refusing.
 */
public final class ScanGuard {
    /** Workspaces whose lock the scheduler holds for a scan it runs on this very thread. */
    private static final ThreadLocal<Set<Path>> HELD_BY_CALLER = ThreadLocal.withInitial(java.util.HashSet::new);

    private ScanGuard() {
    }

    /** Runs {@code work} holding the workspace's scan lock; a clear error when another scan holds it. */
    static <T> T exclusive(Workspace ws, Callable<T> work) throws Exception {
        Path key = ws.dir().toAbsolutePath().normalize();
        if (HELD_BY_CALLER.get().contains(key)) {
            return work.call();
        }
        Optional<ScanLock.Held> held = ScanLock.forWorkspace(ws.dir()).tryAcquire();
        if (held.isEmpty()) {
            throw new ConfigException(ws.dir() + ": another scan of this workspace is running (vouch scan or vouch schedule run; "
                    + "lock " + ScanLock.forWorkspace(ws.dir()).file() + "); try again when it has finished");
        }
        try (ScanLock.Held h = held.get()) {
            return work.call();
        }
    }

    /**
     * Runs {@code work} on this thread as the scheduler's scan: the scheduler already holds the workspace's lock, so
     * the scan uses it instead of refusing. Other threads still see the workspace as locked.
     */
    public static <T> T underScheduler(Workspace ws, Callable<T> work) throws Exception {
        Path key = ws.dir().toAbsolutePath().normalize();
        boolean added = HELD_BY_CALLER.get().add(key);
        try {
            return work.call();
        } finally {
            if (added) {
                HELD_BY_CALLER.get().remove(key);
            }
        }
    }
}
