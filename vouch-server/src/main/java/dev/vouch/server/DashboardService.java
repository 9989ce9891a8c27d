package dev.vouch.server;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.EvidenceStatus;
import dev.vouch.assess.Freshness;
import dev.vouch.cli.ReportInputs;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.model.Finding;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.store.ScanSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The readiness model the pages and the API show, computed once per state of the workspace (latest scan, vault
 * size, and for auditors the end of their window) and then served from memory: a dashboard over a history of a
 * million findings answers in milliseconds, and the first request after a scan or an upload sees the new state.
 */
@Service
public class DashboardService {
    private static final int KEEP = 8;
    /** How long a reading of the latest scan and vault size is used before the store and vault are asked again. */
    private static final long STATE_MS = 500;
    private final WorkspaceContext ws;
    private final Map<Key, Prepared> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Prepared> eldest) {
            return size() > KEEP;
        }
    };
    /** The entry served last: most requests ask for it again and find it without taking the cache's lock. */
    private volatile Prepared last;
    private volatile State state = new State(-1, -1, 0);
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /** Counts {@link #changed} calls: a reading begun before a change is not kept after it. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    /** What the model depends on; a newer scan or more vault entries make another key. */
    private record Key(long scanId, long vaultSize, Optional<Instant> asOf) {
    }

    private record State(long scanId, long vaultSize, long readAt) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private long seenSize = -1;
    private volatile String lastSeenFiles = "";
    private volatile long lastTreeSize = -1;
    private volatile long lastListedAt;
    private long relevantSize = -1;

    /**
     * A model and what every request derives from it, computed once: the dashboard (as a non-auditor sees it), the
     * findings in the order pages list them, and the controls of each check.
     */
    record Prepared(Key key, ReadinessModel model, Views.Dashboard dashboard, byte[] dashboardJson, List<Finding> sortedFindings,
            Map<String, List<String>> controlsByCheck) {
    }

    private final JsonMapper json;

    public DashboardService(WorkspaceContext ws, JsonMapper json) {
        this.ws = ws;
        this.json = json;
    }

    /** The model for {@code user}: the latest, or for an auditor the one in force at the end of their window. */
    public Optional<ReadinessModel> model(VouchUser user) {
        return prepared(user).map(Prepared::model);
    }

    /** The dashboard {@code user} sees (an auditor's names the end of their window). */
    public Optional<Views.Dashboard> view(VouchUser user) {
        return prepared(user).map(p -> Views.forUser(p.dashboard(), user));
    }

    /**
     * The dashboard {@code user} sees as JSON, as the API's converter writes it: serialized once per model, so a
     * request costs no serialization (except for auditors, whose dashboard names their window's end).
     */
    byte[] json(Prepared p, VouchUser user) {
        Views.Dashboard d = Views.forUser(p.dashboard(), user);
        return d == p.dashboard() ? p.dashboardJson() : json.writeValueAsBytes(d);
    }

    /** The model for {@code user} with what is derived from it. */
    public Optional<Prepared> prepared(VouchUser user) {
        State s = state();
        if (s.scanId() < 0) {
            return Optional.empty();
        }
        Instant now = ws.clock().instant();
        if (user.isAuditor() && user.windowFrom().map(now::isBefore).orElse(false)) {
            return Optional.empty(); // the window has not begun: nothing in it to see yet
        }
        Optional<Instant> asOf = user.isAuditor() && user.windowTo().isPresent() && user.windowTo().get().isBefore(now)
                ? user.windowTo() : Optional.empty();
        Key key = new Key(s.scanId(), s.vaultSize(), asOf);
        Prepared p = last;
        if (p != null && p.key().equals(key)) {
            return Optional.of(p);
        }
        synchronized (cache) {
            p = cache.get(key);
            if (p == null) {
                ReadinessModel m;
                try {
                    m = ReportInputs.readiness(ws.workspace(), asOf, now);
                } catch (dev.vouch.cli.workspace.ConfigException e) {
                    return Optional.empty(); // nothing recorded by the auditor's window end
                }
                Views.Dashboard d = Views.dashboard(m, Optional.empty());
                p = new Prepared(key, m, d, json.writeValueAsBytes(d), Views.sorted(m.findings()), Views.controlsByCheck(m.assessment()));
                cache.put(key, p);
            }
            last = p;
            return Optional.of(p);
        }
    }

    /**
     * The latest scan id and vault size, read at most every 500 ms: requests in between share the reading, and while
     * one request reads again the others keep the previous reading. After {@link #changed} every request waits for a
     * new reading.
     */
    private State state() {
        State s = state;
        long t = System.currentTimeMillis();
        if (t - s.readAt() < STATE_MS) {
            return s;
        }
        boolean forced = s.readAt() == 0;
        if (!refreshing.compareAndSet(false, true)) {
            if (!forced) {
                return s;
            }
            return read(t);
        }
        try {
            return read(t);
        } finally {
            refreshing.set(false);
        }
    }

    private State read(long t) {
        long generation = changes.get();
        long scan = ws.store().latestScan().map(ScanSummary::id).orElse(-1L);
        long size = 0;
        WorkspaceVault wv = new WorkspaceVault(ws.workspace());
        if (wv.hasKeys()) {
            try {
                // the statement log's length says cheaply whether anything was appended; the checkpoints folder (one
                // file per append, so as many as audit entries) is listed only then
                // (and at least once a minute, whatever those say)
                dev.vouch.vault.Vault v = ws.vault();
                String seen = (java.nio.file.Files.exists(v.paths().log()) ? java.nio.file.Files.size(v.paths().log()) : 0) + "/"
                        + (java.nio.file.Files.exists(v.paths().checkpoints())
                                ? java.nio.file.Files.getLastModifiedTime(v.paths().checkpoints()).toMillis() : 0);
                if (!seen.equals(lastSeenFiles) || lastTreeSize < 0 || t - lastListedAt > 60_000) {
                    lastTreeSize = v.newestCheckpointSize();
                    lastSeenFiles = seen;
                    lastListedAt = t;
                }
                size = lastTreeSize;
            } catch (java.io.IOException e) {
                size = -2;
            }
        }
        State s = new State(scan, relevant(size), t);
        if (changes.get() == generation) {
            state = s;
        }
        return s;
    }

    /**
     * The vault size that matters to the model: growth by the server's own audit entries (sign-ins, token use...)
     * does not change any score, so it does not make the model be computed again. Only the new entries are read.
     */
    private synchronized long relevant(long size) {
        if (size < 0 || seenSize < 0 || size < seenSize || size - seenSize > 10_000) {
            relevantSize = size;
        } else if (size > seenSize) {
            dev.vouch.vault.Vault v = ws.vault();
            for (long seq = seenSize; seq < size; seq++) {
                if (!isAudit(v.statement(seq))) {
                    relevantSize = size;
                    break;
                }
            }
        }
        seenSize = size;
        return relevantSize;
    }

    private static boolean isAudit(byte[] statement) {
        try {
            return JSON.readTree(statement).path("kind").asText().startsWith("audit.");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Forces the next request to look at the store and vault again (after this server changed them). */
    public void changed() {
        changes.incrementAndGet();
        lastTreeSize = -1;
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
