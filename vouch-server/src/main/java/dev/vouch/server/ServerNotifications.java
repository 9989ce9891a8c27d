package dev.vouch.server;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.EvidenceStatus;
import dev.vouch.assess.Freshness;
import dev.vouch.catalog.Catalog;
import dev.vouch.cli.ReportInputs;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.model.Severity;
import dev.vouch.notify.Channel;
import dev.vouch.notify.DeliveryResult;
import dev.vouch.notify.Notification;
import dev.vouch.notify.NotificationPolicy;
import dev.vouch.notify.Notifier;
import dev.vouch.notify.WebhookChannel;
import dev.vouch.store.FindingDelta;
import dev.vouch.store.ScanSummary;
import dev.vouch.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the workspace's notifications (vouch.yaml {@code notifications:}): after every scan this server runs
 * (scheduled or started from the UI/API), the new failures and the controls that drifted since the scan before it;
 * once a day, the evidence requirements that went stale (overdue). Work happens on its own thread, so a slow or
 * unreachable channel never delays or fails a scan; every delivery is recorded in the audit trail
 * ({@code notify.sent} / {@code notify.failed}, target the channel kind, never its URL).
 */
@Service
public class ServerNotifications implements AutoCloseable {
    static final String ACTOR = "vouch-server";
    /** At most this many overdue requirements are sent per day (the rest are counted in the log). */
    static final int MAX_OVERDUE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ServerNotifications.class);
    private final WorkspaceContext ws;
    private final AuditTrail audit;
    private final NotificationSettings settings;
    private final Notifier notifier;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vouch-notify");
        t.setDaemon(true);
        return t;
    });
    private long lastSeen;
    private ControlDrift drift;

    public ServerNotifications(WorkspaceContext ws, ScanJobs jobs, AuditTrail audit, NotificationSettings settings) {
        this.ws = ws;
        this.audit = audit;
        this.settings = settings;
        this.notifier = Notifier.standard(ws.clock());
        this.lastSeen = ws.store().latestScan().map(ScanSummary::id).orElse(0L);
        jobs.afterScan(job -> submit(this::afterScans));
        if (!settings.channels().isEmpty()) {
            LOG.info("notifications: {} on {}", settings.channels().stream().map(ServerNotifications::describe).toList(),
                    settings.events().stream().map(NotificationSettings.Event::wireName).sorted().toList());
        }
    }

    /** Looks for overdue requirements if today's have not been sent yet (the scheduler calls this on every tick). */
    public void daily() {
        if (settings.sends(NotificationSettings.Event.OVERDUE)) {
            submit(this::overdueOncePerDay);
        }
    }

    private void submit(Runnable work) {
        if (settings.channels().isEmpty()) {
            return;
        }
        worker.submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("notifications: {} ({}); the scan and the server are not affected", e.getClass().getSimpleName(),
                        AuditTrail.clean(e.getMessage()));
            }
        });
    }

    // ---- after a scan --------------------------------------------------------------------------------------

    /** Each scan recorded since the last look, compared with the scan before it (a first scan is the baseline). */
    private void afterScans() {
        List<ScanSummary> scans = ws.store().scans();
        for (int i = 0; i < scans.size(); i++) {
            ScanSummary s = scans.get(i);
            if (s.id() <= lastSeen) {
                continue;
            }
            lastSeen = s.id();
            if (i > 0) {
                compare(scans.get(i - 1), s);
            }
        }
        overdueOncePerDay();
    }

    private void compare(ScanSummary before, ScanSummary after) {
        Store store = ws.store();
        String org = ws.workspace().organization();
        String scanId = Long.toString(after.id());
        if (settings.sends(NotificationSettings.Event.NEW_FAILURES)) {
            FindingDelta delta = store.delta(before.id(), after.id());
            new NotificationPolicy(Severity.LOW).newFailures(org, scanId, after.finishedAt(), settings.linkBase(), delta.ended(),
                    delta.started()).ifPresent(n -> send(n, "new-failures", Map.of("scan", scanId, "items", Integer.toString(n.items().size()))));
        }
        if (settings.sends(NotificationSettings.Event.DRIFT)) {
            List<ControlDrift.Moved> moved = drift().between(store.findingsAtScan(before.id()), before.finishedAt(),
                    store.findingsAtScan(after.id()), after.finishedAt());
            if (moved.size() > ControlDrift.MAX) {
                LOG.info("notifications: {} controls drifted in scan {}; sending the first {}", moved.size(), scanId, ControlDrift.MAX);
            }
            for (ControlDrift.Moved m : moved.subList(0, Math.min(ControlDrift.MAX, moved.size()))) {
                send(new Notification.Drift(org, scanId, after.finishedAt(), m.controlId(), m.from(), m.to(), m.reason(),
                        settings.linkBase()), "drift", Map.of("scan", scanId, "control", m.controlId()));
            }
        }
    }

    private synchronized ControlDrift drift() {
        if (drift == null) {
            drift = new ControlDrift(Catalog.loadDefault(), ws.workspace().scope());
        }
        return drift;
    }

    // ---- once a day ----------------------------------------------------------------------------------------

    private void overdueOncePerDay() {
        if (!settings.sends(NotificationSettings.Event.OVERDUE)) {
            return;
        }
        Instant now = ws.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (lastOverdueDay().filter(d -> !d.isBefore(today)).isPresent()) {
            return;
        }
        if (ws.store().latestScan().isEmpty()) {
            return; // nothing scored yet: look again on the next tick (without reading catalog, checks and vault)
        }
        Assessment a;
        try {
            a = ReportInputs.readiness(ws.workspace(), Optional.empty(), now).assessment();
        } catch (ConfigException noScanYet) {
            return; // nothing scored yet: look again on the next tick
        }
        List<Notification.OverdueTask> due = overdue(a, now);
        for (Notification.OverdueTask t : due.subList(0, Math.min(MAX_OVERDUE, due.size()))) {
            send(t, "overdue", Map.of("task", t.taskId()));
        }
        if (due.size() > MAX_OVERDUE) {
            LOG.info("notifications: {} evidence requirements overdue; sent the first {}", due.size(), MAX_OVERDUE);
        }
        rememberOverdueDay(today);
    }

    /** Evidence requirements gone stale, due when their newest item's coverage plus the cadence (with grace) ran out. */
    List<Notification.OverdueTask> overdue(Assessment a, Instant now) {
        List<Notification.OverdueTask> out = new ArrayList<>();
        for (ControlScore c : a.controls()) {
            for (EvidenceStatus e : c.evidenceRequirements()) {
                if (e.freshness() != Freshness.STALE || e.staleItems().isEmpty()) {
                    continue;
                }
                Instant dueAt = e.staleItems().get(0).coversTo().plus(Duration.ofSeconds(Math.round(e.limitDays() * 86_400)));
                out.add(Notification.OverdueTask.of(ws.workspace().organization(), c.controlId() + "-E" + (e.index() + 1),
                        AuditTrail.clean(e.description()), "", dueAt, java.time.Clock.fixed(now, ZoneOffset.UTC), settings.linkBase()));
            }
        }
        return out;
    }

    private Path overdueMarker() {
        return ws.workspace().dir().resolve(".vouch").resolve("notified-overdue");
    }

    private Optional<LocalDate> lastOverdueDay() {
        try {
            return Optional.of(LocalDate.parse(Files.readString(overdueMarker(), StandardCharsets.UTF_8).strip()));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void rememberOverdueDay(LocalDate day) {
        try {
            Files.createDirectories(overdueMarker().getParent());
            Files.writeString(overdueMarker(), day + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("notifications: cannot write {} ({}); overdue tasks may be sent again today", overdueMarker(), e.getMessage());
        }
    }

    // ---- delivery ------------------------------------------------------------------------------------------

    private void send(Notification n, String event, Map<String, String> facts) {
        Map<String, Channel> byName = new LinkedHashMap<>();
        settings.channels().forEach(c -> byName.put(c.name(), c));
        for (DeliveryResult r : notifier.send(n, settings.channels())) {
            if (r.ok() && r.attempts() == 0) {
                continue; // skipped: nothing at or above the channel's minSeverity
            }
            Map<String, String> details = new LinkedHashMap<>(facts);
            details.put("event", event);
            details.put("channel", r.channel());
            details.put("attempts", Integer.toString(r.attempts()));
            if (!r.ok()) {
                details.put("problem", AuditTrail.clean(r.detail())); // names channel and host only (vouch-notify's rule)
            }
            audit.record(ACTOR, r.ok() ? "notify.sent" : "notify.failed", kind(byName.get(r.channel())), "local", r.ok(), details);
        }
    }

    static String kind(Channel c) {
        return c instanceof WebhookChannel w ? "webhook/" + w.format().name().toLowerCase(java.util.Locale.ROOT) : "email";
    }

    private static String describe(Channel c) {
        return kind(c) + " '" + c.name() + "'";
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
