package dev.vouch.server;

import dev.vouch.assess.ControlScore;
import dev.vouch.assess.CriterionScore;
import dev.vouch.auth.ApiTokens;
import dev.vouch.auth.TokenScope;
import dev.vouch.cli.ManualEvidence;
import dev.vouch.cli.Period;
import dev.vouch.cli.ReportInputs;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.store.Accounts;
import dev.vouch.store.ScanSummary;
import dev.vouch.vault.Vault;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** The REST API, {@code /api/v1}: everything the pages show and do (docs/server.md, the OpenAPI document). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
public class ApiController {
    private final WorkspaceContext ws;
    private final DashboardService dashboard;
    private final ScanJobs scans;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final TokenFilter tokenFilter;
    private final ExceptionService exceptions;
    private final ServerScheduler scheduler;

    public ApiController(WorkspaceContext ws, DashboardService dashboard, ScanJobs scans, AccountService accounts,
            AuditTrail audit, TokenFilter tokenFilter, ExceptionService exceptions, ServerScheduler scheduler) {
        this.exceptions = exceptions;
        this.ws = ws;
        this.dashboard = dashboard;
        this.scans = scans;
        this.accounts = accounts;
        this.audit = audit;
        this.tokenFilter = tokenFilter;
        this.scheduler = scheduler;
    }

    ReadinessModel model(VouchUser user) {
        return prepared(user).model();
    }

    DashboardService.Prepared prepared(VouchUser user) {
        return dashboard.prepared(user).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no scan recorded yet" + (user.isAuditor() ? " in your observation window" : "") + ": run one (POST /api/v1/scans)"));
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    public record Me(String username, String role, boolean canWrite, Optional<Instant> windowFrom, Optional<Instant> windowTo) {
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal VouchUser u) {
        return new Me(u.username(), u.role().label(), u.canWrite(), u.windowFrom(), u.windowTo());
    }

    /** A {@link Views.Dashboard}, serialized once per model (the dashboard is what clients poll most). */
    @GetMapping("/dashboard")
    ResponseEntity<byte[]> dashboard(@AuthenticationPrincipal VouchUser u) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(dashboard.json(prepared(u), u));
    }

    @GetMapping("/criteria")
    List<CriterionScore> criteria(@AuthenticationPrincipal VouchUser u) {
        return model(u).assessment().criteria();
    }

    public record CriterionDetail(CriterionScore criterion, List<ControlScore> controls) {
    }

    @GetMapping("/criteria/{id}")
    CriterionDetail criterion(@PathVariable String id, @AuthenticationPrincipal VouchUser u) {
        ReadinessModel m = model(u);
        CriterionScore c = m.assessment().criterion(id.toUpperCase(Locale.ROOT)).orElseThrow(() -> notFound("criterion", id));
        return new CriterionDetail(c, c.controlIds().stream().map(x -> m.assessment().control(x)).flatMap(Optional::stream).toList());
    }

    @GetMapping("/controls")
    List<ControlScore> controls(@AuthenticationPrincipal VouchUser u) {
        return model(u).assessment().controls();
    }

    @GetMapping("/controls/{id}")
    ControlScore control(@PathVariable String id, @AuthenticationPrincipal VouchUser u) {
        return model(u).assessment().control(id.toUpperCase(Locale.ROOT)).orElseThrow(() -> notFound("control", id));
    }

    @GetMapping("/checks/{id}")
    Map<String, Object> check(@PathVariable String id, @AuthenticationPrincipal VouchUser u) {
        ReadinessModel m = model(u);
        dev.vouch.model.CheckInfo c = m.checks().get(id);
        if (c == null) {
            throw notFound("check", id);
        }
        DashboardService.Prepared p = prepared(u);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("check", c);
        out.put("controls", p.controlsByCheck().getOrDefault(id, List.of()));
        out.put("findings", Views.findings(p, Views.FindingFilter.byCheck(id), 0, 500, ws.workspace().dir()));
        return out;
    }

    @GetMapping("/findings")
    Views.FindingPage findings(@RequestParam Optional<String> severity, @RequestParam Optional<String> outcome,
            @RequestParam Optional<String> source, @RequestParam Optional<String> control, @RequestParam Optional<String> check,
            @RequestParam Optional<String> resource, @RequestParam Optional<String> q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal VouchUser u) {
        return Views.findings(prepared(u), new Views.FindingFilter(severity, outcome, source, control, check, resource, q), page, size,
                ws.workspace().dir());
    }

    public record ResourceDetail(String resourceId, List<Views.FindingRow> findings, List<dev.vouch.model.CheckInfo> checks) {
    }

    @GetMapping("/resource")
    ResourceDetail resource(@RequestParam String id, @AuthenticationPrincipal VouchUser u) {
        DashboardService.Prepared prepared = prepared(u);
        ReadinessModel m = prepared.model();
        Views.FindingPage p = Views.findings(prepared, Views.FindingFilter.byResource(id), 0, 500, ws.workspace().dir());
        if (p.total() == 0) {
            throw notFound("resource", id);
        }
        return new ResourceDetail(id, p.items(), p.items().stream().map(r -> m.checks().get(r.checkId()))
                .filter(java.util.Objects::nonNull).distinct().toList());
    }

    @GetMapping("/scans")
    List<ScanSummary> scanHistory(@AuthenticationPrincipal VouchUser u) {
        List<ScanSummary> all = ws.store().scans();
        return all.stream().filter(s -> u.sees(s.finishedAt())).sorted(java.util.Comparator.comparing(ScanSummary::id).reversed())
                .toList();
    }

    @GetMapping("/scans/{id}")
    ScanSummary scan(@PathVariable long id, @AuthenticationPrincipal VouchUser u) {
        return ws.store().scan(id).filter(s -> u.sees(s.finishedAt())).orElseThrow(() -> notFound("scan", Long.toString(id)));
    }

    @GetMapping("/scan-jobs")
    List<ScanJobs.Job> jobs(@AuthenticationPrincipal VouchUser u) {
        return u.isAuditor() ? List.of() : scans.recent();
    }

    @GetMapping("/scan-jobs/{id}")
    ScanJobs.Job job(@PathVariable long id, @AuthenticationPrincipal VouchUser u) {
        return scans.job(id).filter(j -> !u.isAuditor()).orElseThrow(() -> notFound("scan job", Long.toString(id)));
    }

    /** The scan schedule: next slots, last runs, missed slots of the last 30 days (docs/scheduling.md). */
    @GetMapping("/schedule")
    ScheduleStatus schedule(@AuthenticationPrincipal VouchUser u) {
        ScheduleStatus st = scheduler.status();
        if (!u.isAuditor()) {
            return st;
        }
        // an auditor sees the runs and gaps of their window only
        return new ScheduleStatus(st.configured(), st.hosted(), st.expression(), st.zone(), st.next(),
                st.runs().stream().filter(r -> u.sees(Instant.parse(r.slot()))).toList(),
                st.missed().stream().filter(g -> u.sees(Instant.parse(g.from()))).toList(), "", st.problem());
    }

    @GetMapping("/evidence")
    List<dev.vouch.report.assessment.EvidenceEntry> evidence(@AuthenticationPrincipal VouchUser u) {
        return Views.evidence(ReportInputs.vault(ws.workspace()).index(), u);
    }

    public record VaultStatus(boolean exists, Optional<dev.vouch.report.assessment.VaultSeal> seal, Optional<Boolean> verified,
            List<String> problems) {
    }

    @GetMapping("/vault")
    VaultStatus vault(@RequestParam(defaultValue = "false") boolean verify, @AuthenticationPrincipal VouchUser u) {
        return VaultCheck.status(ws, verify);
    }

    @GetMapping("/audit")
    List<Map<String, Object>> auditTrail(@RequestParam(defaultValue = "200") int limit, @AuthenticationPrincipal VouchUser u) {
        if (!u.isAdmin() && !u.isAuditor()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the audit trail is for admins and auditors");
        }
        return VaultCheck.audit(ws, u, Math.max(1, Math.min(5000, limit)));
    }

    @GetMapping("/settings")
    Map<String, Object> settings(@AuthenticationPrincipal VouchUser u) {
        Map<String, Object> out = new LinkedHashMap<>();
        var w = ws.workspace();
        out.put("organization", w.organization());
        out.put("categories", w.categories());
        out.put("sources", w.sources().stream().map(s -> s.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + (s.path() == null ? "" : " " + s.path())).toList());
        out.put("schedule", w.schedule().map(s -> s.expression() + " (" + s.zone() + ")").orElse(""));
        out.put("observation", w.observation().orElse(""));
        out.put("database", w.databaseName());
        return out;
    }

    // ---- changing ----------------------------------------------------------------------------------------------

    @PostMapping("/scans")
    ResponseEntity<ScanJobs.Job> runScan(@AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        try {
            ScanJobs.Job job = scans.start(u.username());
            audit.record(u.username(), "scan.run", "job " + job.getId(), req.getRemoteAddr(), true, via(u));
            return ResponseEntity.accepted().location(URI.create("/api/v1/scan-jobs/" + job.getId())).body(job);
        } catch (ScanJobs.Busy busy) {
            return ResponseEntity.status(HttpStatus.CONFLICT).location(URI.create("/api/v1/scan-jobs/" + busy.job().getId()))
                    .body(busy.job());
        }
    }

    public record Recorded(long seq, String name, Instant coversFrom, Instant coversTo, long treeSize) {
    }

    @PostMapping(path = "/evidence", consumes = "multipart/form-data")
    ResponseEntity<Recorded> upload(@RequestPart("file") MultipartFile file, @RequestParam List<String> control,
            @RequestParam String from, @RequestParam String to, @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal VouchUser u, HttpServletRequest req) throws IOException {
        Recorded r = recordEvidence(file, control, from, to, note, u, req);
        return ResponseEntity.status(HttpStatus.CREATED).body(r);
    }

    Recorded recordEvidence(MultipartFile file, List<String> control, String from, String to, String note, VouchUser u,
            HttpServletRequest req) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("file: empty or missing");
        }
        Period p = Period.parse(from.strip() + ".." + to.strip(), "from/to");
        java.time.Instant endOfToday = java.time.LocalDate.ofInstant(ws.clock().instant(), java.time.ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        if (p.to().isAfter(endOfToday)) {
            // evidence of days that have not happened would keep a requirement "fresh" into the future
            throw new IllegalArgumentException("to: evidence cannot cover days after today (" + p.to().toString().substring(0, 10) + ")");
        }
        String name = ManualEvidence.sanitize(file.getOriginalFilename());
        if (note.length() > 2000) {
            throw new IllegalArgumentException("note: at most 2000 characters");
        }
        Vault.Appended a = ManualEvidence.record(ws.workspace(), name, file.getBytes(), control, p, note, u.username(), ws.clock(),
                new PrintWriter(Writer.nullWriter()), "control");
        audit.record(u.username(), "evidence.upload", name + " (#" + a.seqs().get(0) + ")", req.getRemoteAddr(), true,
                with(via(u), "controls", String.join(",", control), "covers", p.from() + ".." + p.to(), "bytes",
                        Long.toString(file.getSize())));
        dashboard.changed();
        return new Recorded(a.seqs().get(0), name, p.from(), p.to(), a.treeSize());
    }

    public record TokenView(String id, String name, String scope, String owner, Instant createdAt, Optional<Instant> lastUsedAt,
            Optional<Instant> revokedAt) {
    }

    public record NewToken(String name, String scope) {
    }

    public record IssuedToken(String token, TokenView details, String note) {
    }

    @GetMapping("/me/tokens")
    List<TokenView> myTokens(@AuthenticationPrincipal VouchUser u) {
        return accounts.tokens(u.accountId()).stream().map(t -> view(t, u.username())).toList();
    }

    @PostMapping(path = "/me/tokens", consumes = "application/json")
    ResponseEntity<IssuedToken> newToken(@RequestBody NewToken body, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        if (u.tokenId().isPresent()) {
            // made in a signed-in session only: a leaked token must not be able to mint others that outlive its revocation
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "tokens are made in a signed-in session (Your account → API tokens), not with a token");
        }
        IssuedToken t = issue(body.name(), body.scope(), u, req);
        return ResponseEntity.status(HttpStatus.CREATED).body(t);
    }

    IssuedToken issue(String name, String scope, VouchUser u, HttpServletRequest req) {
        TokenScope s = "read-write".equalsIgnoreCase(scope) || "READ_WRITE".equalsIgnoreCase(scope) ? TokenScope.READ_WRITE
                : "read".equalsIgnoreCase(scope) || "READ".equalsIgnoreCase(scope) ? TokenScope.READ : null;
        if (s == null) {
            throw new IllegalArgumentException("scope: read or read-write");
        }
        Accounts.Account owner = accounts.account(u.accountId()).orElseThrow();
        ApiTokens.Issued issued = accounts.issueToken(owner, name, s);
        audit.record(u.username(), "token.create", issued.stored().id(), req.getRemoteAddr(), true,
                with(via(u), "scope", s.name(), "name", issued.stored().name()));
        Accounts.Token row = accounts.token(issued.stored().id()).orElseThrow();
        return new IssuedToken(issued.token(), view(row, u.username()), "shown once: Vouch keeps only its SHA-256");
    }

    @DeleteMapping("/me/tokens/{id}")
    ResponseEntity<Void> revokeMine(@PathVariable String id, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        Accounts.Token t = accounts.token(id).filter(x -> x.accountId() == u.accountId()).orElseThrow(() -> notFound("token", id));
        accounts.revoke(t.id());
        audit.record(u.username(), "token.revoke", t.id(), req.getRemoteAddr(), true, via(u));
        return ResponseEntity.noContent().build();
    }

    public record UserView(long id, String username, String displayName, String role, boolean mfa, boolean disabled,
            Optional<Instant> windowFrom, Optional<Instant> windowTo, Instant createdAt) {
    }

    public record NewUser(String username, String displayName, String role, String password, String windowFrom, String windowTo) {
    }

    @GetMapping("/users")
    List<UserView> users() {
        return accounts.all().stream().map(ApiController::view).toList();
    }

    @PostMapping(path = "/users", consumes = "application/json")
    ResponseEntity<UserView> createUser(@RequestBody NewUser b, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        return ResponseEntity.status(HttpStatus.CREATED).body(create(b, u, req));
    }

    UserView create(NewUser b, VouchUser u, HttpServletRequest req) {
        Role role = Role.parse(b.role() == null ? "" : b.role());
        Optional<Instant> from = instant(b.windowFrom(), false, "windowFrom");
        Optional<Instant> to = instant(b.windowTo(), true, "windowTo");
        Accounts.Account a = accounts.create(b.username(), b.displayName(), role, b.password(), from, to);
        audit.record(u.username(), "account.create", a.username(), req.getRemoteAddr(), true, with(via(u), "role", role.label()));
        return view(a);
    }

    @PostMapping("/users/{id}/disable")
    UserView disable(@PathVariable long id, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        return setDisabled(id, true, u, req);
    }

    @PostMapping("/users/{id}/enable")
    UserView enable(@PathVariable long id, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        return setDisabled(id, false, u, req);
    }

    UserView setDisabled(long id, boolean disabled, VouchUser u, HttpServletRequest req) {
        accounts.setDisabled(id, disabled, u.accountId());
        return changed(id, disabled ? "account.disable" : "account.enable", u, req, Map.of());
    }

    public record PasswordChange(String password) {
    }

    public record RoleChange(String role, String windowFrom, String windowTo) {
    }

    @PostMapping("/users/{id}/reset-mfa")
    UserView resetMfa(@PathVariable long id, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        accounts.resetMfa(id, u.accountId());
        return changed(id, "account.mfa.reset", u, req, Map.of());
    }

    @PostMapping(path = "/users/{id}/password", consumes = "application/json")
    UserView setPassword(@PathVariable long id, @RequestBody PasswordChange b, @AuthenticationPrincipal VouchUser u,
            HttpServletRequest req) {
        accounts.setPassword(id, b.password(), u.accountId());
        return changed(id, "account.password.set", u, req, Map.of());
    }

    @PostMapping(path = "/users/{id}/role", consumes = "application/json")
    UserView setRole(@PathVariable long id, @RequestBody RoleChange b, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        Role role = Role.parse(b.role() == null ? "" : b.role());
        accounts.setRole(id, role, instant(b.windowFrom(), false, "windowFrom"), instant(b.windowTo(), true, "windowTo"), u.accountId());
        return changed(id, "account.role", u, req, Map.of("role", role.label()));
    }

    UserView changed(long id, String action, VouchUser u, HttpServletRequest req, Map<String, String> details) {
        tokenFilter.forget(id);
        Accounts.Account a = accounts.account(id).orElseThrow();
        Map<String, String> d = new LinkedHashMap<>(via(u));
        d.putAll(details);
        audit.record(u.username(), action, a.username(), req.getRemoteAddr(), true, d);
        return view(a);
    }

    @GetMapping("/users/tokens")
    List<TokenView> allTokens() {
        Map<Long, String> names = new java.util.HashMap<>();
        accounts.all().forEach(a -> names.put(a.id(), a.username()));
        return accounts.allTokens().stream().map(t -> view(t, names.getOrDefault(t.accountId(), "?"))).toList();
    }

    @DeleteMapping("/users/tokens/{id}")
    ResponseEntity<Void> revokeAny(@PathVariable String id, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        Accounts.Token t = accounts.token(id).orElseThrow(() -> notFound("token", id));
        accounts.revoke(t.id());
        audit.record(u.username(), "token.revoke", t.id(), req.getRemoteAddr(), true, via(u));
        return ResponseEntity.noContent().build();
    }

    // ---- exceptions --------------------------------------------------------------------------------------------

    public record ExceptionsView(List<ExceptionsView.Rule> rules, List<dev.vouch.store.ExceptionRequests.Request> requests) {
        /** An exception from vouch.yaml (or an approved request, as scans apply it). */
        public record Rule(String id, String checkId, String resources, String owner, String reason, java.time.LocalDate expires,
                long daysLeft, String state, String origin) {
        }
    }

    @GetMapping("/exceptions")
    ExceptionsView exceptionList(@AuthenticationPrincipal VouchUser u) {
        List<ExceptionsView.Rule> rules = dev.vouch.server.ExceptionsView.rules(ws, java.util.Set.of()).stream()
                .map(r -> new ExceptionsView.Rule(r.id(), r.checkId(), r.resources(), r.owner(), r.reason(), r.expires(), r.daysLeft(),
                        r.state(), r.origin())).toList();
        return new ExceptionsView(rules, exceptions.visibleTo(u));
    }

    public record NewException(String check, String resource, String reason, String expires) {
    }

    public record Decision(String note) {
    }

    @PostMapping(path = "/exceptions", consumes = "application/json")
    ResponseEntity<dev.vouch.store.ExceptionRequests.Request> requestException(@RequestBody NewException b,
            @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        return ResponseEntity.status(HttpStatus.CREATED).body(exceptions.request(u, b.check(), b.resource(), b.reason(), b.expires(),
                req.getRemoteAddr()));
    }

    @PostMapping(path = "/exceptions/{id}/{action}")
    dev.vouch.store.ExceptionRequests.Request decideException(@PathVariable long id, @PathVariable String action,
            @RequestBody(required = false) Decision b, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        return exceptions.decide(u, id, action, b == null ? "" : b.note(), req.getRemoteAddr());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static UserView view(Accounts.Account a) {
        return new UserView(a.id(), a.username(), a.displayName(), Role.parse(a.role()).label(), a.mfaEnabled(), a.disabled(),
                a.windowFrom(), a.windowTo(), a.createdAt());
    }

    static TokenView view(Accounts.Token t, String owner) {
        return new TokenView(t.id(), t.name(), t.scope().equals("READ") ? "read" : "read-write", owner, t.createdAt(),
                t.lastUsedAt(), t.revokedAt());
    }

    static Optional<Instant> instant(String s, boolean end, String field) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        Period p = Period.parse(s.strip() + ".." + s.strip(), field);
        return Optional.of(end ? p.to() : p.from());
    }

    static Map<String, String> via(VouchUser u) {
        return u.tokenId().map(t -> Map.of("via", "api token " + t)).orElse(Map.of("via", "session"));
    }

    static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (int i = 0; i + 1 < kv.length; i += 2) {
            out.put(kv[i], kv[i + 1]);
        }
        return out;
    }

    static ResponseStatusException notFound(String what, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " '" + id + "'");
    }
}
