package dev.vouch.server;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.EvidenceStatus;
import dev.vouch.assess.Freshness;
import dev.vouch.cli.ReportInputs;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.store.ScanSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The readiness model the pages and the API show, computed once per state of the workspace (latest scan, vault
 * size, and for auditors the end of their window) and then served from memory: a dashboard over a history of a
 * million findings answers in milliseconds, and the first request after a scan or an upload sees the new state.
 */
@Service
public class DashboardService {
    private static final int KEEP = 8;
    private final WorkspaceContext ws;
    private final Map<Key, ReadinessModel> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ReadinessModel> eldest) {
            return size() > KEEP;
        }
    };
    private volatile State state = new State(-1, -1, 0);

    /** What the model depends on; a newer scan or more vault entries make another key. */
    private record Key(long scanId, long vaultSize, Optional<Instant> asOf) {
    }

    private record State(long scanId, long vaultSize, long readAt) {
    }

    public DashboardService(WorkspaceContext ws) {
        this.ws = ws;
    }

    /** The model for {@code user}: the latest, or for an auditor the one in force at the end of their window. */
    public Optional<ReadinessModel> model(VouchUser user) {
        State s = state();
        if (s.scanId() < 0) {
            return Optional.empty();
        }
        Instant now = ws.clock().instant();
        Optional<Instant> asOf = user.isAuditor() && user.windowTo().isPresent() && user.windowTo().get().isBefore(now)
                ? user.windowTo() : Optional.empty();
        Key key = new Key(s.scanId(), s.vaultSize(), asOf);
        synchronized (cache) {
            ReadinessModel m = cache.get(key);
            if (m == null) {
                try {
                    m = ReportInputs.readiness(ws.workspace(), asOf, now);
                } catch (dev.vouch.cli.workspace.ConfigException e) {
                    return Optional.empty(); // nothing recorded by the auditor's window end
                }
                cache.put(key, m);
            }
            return Optional.of(m);
        }
    }

    /** The latest scan id and vault size, read at most every 500 ms (requests in between share the reading). */
    private State state() {
        State s = state;
        long t = System.currentTimeMillis();
        if (t - s.readAt() < 500) {
            return s;
        }
        long scan = ws.store().latestScan().map(ScanSummary::id).orElse(-1L);
        long size = 0;
        WorkspaceVault wv = new WorkspaceVault(ws.workspace());
        if (wv.hasKeys()) {
            try {
                size = ws.vault().newestCheckpointSize();
            } catch (java.io.IOException e) {
                size = -2;
            }
        }
        s = new State(scan, size, t);
        state = s;
        return s;
    }

    /** Forces the next request to look at the store and vault again (after this server changed them). */
    public void changed() {
        state = new State(-1, -1, 0);
    }

    // ---- what the dashboard shows ---------------------------------------------------------------------------

    /** An evidence requirement that is due (stale: overdue) or was never met (missing). */
    public record Task(String controlId, String controlTitle, String description, String cadence, String freshness,
            String arithmetic) {
    }

    public static List<Task> tasks(Assessment a, Freshness which) {
        List<Task> out = new ArrayList<>();
        for (ControlScore c : a.controls()) {
            for (EvidenceStatus e : c.evidenceRequirements()) {
                if (e.freshness() == which) {
                    out.add(new Task(c.controlId(), c.title(), e.description(), e.cadence().name().toLowerCase(java.util.Locale.ROOT),
                            e.freshness().name().toLowerCase(java.util.Locale.ROOT), e.arithmetic()));
                }
            }
        }
        return out;
    }
}
