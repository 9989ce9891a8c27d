package dev.vouch.server;

import dev.vouch.assess.ControlScore;
import dev.vouch.cli.Main;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.store.ScanSummary;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The web pages: server-rendered, no script needed; each shows what the matching /api/v1 route returns. */
@Controller
public class PageController {
    private final WorkspaceContext ws;
    private final DashboardService dashboard;
    private final ApiController api;
    private final ScanJobs scans;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final ExceptionService exceptions;

    public PageController(WorkspaceContext ws, DashboardService dashboard, ApiController api, ScanJobs scans,
            AccountService accounts, AuditTrail audit, ExceptionService exceptions) {
        this.exceptions = exceptions;
        this.ws = ws;
        this.dashboard = dashboard;
        this.api = api;
        this.scans = scans;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal VouchUser u, Model m) {
        dashboard.view(u).ifPresent(d -> {
            m.addAttribute("d", d);
            m.addAttribute("trend", Charts.trend(d.trend()));
        });
        m.addAttribute("job", scans.active().orElse(null));
        // an auditor whose window has ended sees the estate as it was then; an open window shows the latest scan
        m.addAttribute("windowClosed", u.isAuditor() && u.windowTo().map(t -> t.isBefore(ws.clock().instant())).orElse(false));
        return "dashboard";
    }

    @GetMapping("/criteria")
    String criteria(@AuthenticationPrincipal VouchUser u, Model m) {
        ReadinessModel x = api.model(u);
        m.addAttribute("criteria", x.assessment().criteria());
        m.addAttribute("categories", x.assessment().categories().stream().map(Views::score).toList());
        return "criteria";
    }

    @GetMapping("/criteria/{id}")
    String criterion(@PathVariable String id, @AuthenticationPrincipal VouchUser u, Model m) {
        ApiController.CriterionDetail d = api.criterion(id, u);
        m.addAttribute("c", d.criterion());
        m.addAttribute("controls", d.controls());
        return "criterion";
    }

    @GetMapping("/controls/{id}")
    String control(@PathVariable String id, @AuthenticationPrincipal VouchUser u, Model m) {
        ReadinessModel x = api.model(u);
        ControlScore c = api.control(id, u);
        m.addAttribute("c", c);
        m.addAttribute("titles", x.checks());
        m.addAttribute("criteria", c.criteria().stream().map(k -> x.assessment().criterion(k)).flatMap(Optional::stream).toList());
        return "control";
    }

    @GetMapping("/checks/{id}")
    String check(@PathVariable String id, @AuthenticationPrincipal VouchUser u, Model m) {
        m.addAllAttributes(api.check(id, u));
        return "check";
    }

    @GetMapping("/findings")
    String findings(@RequestParam Optional<String> severity, @RequestParam Optional<String> outcome,
            @RequestParam Optional<String> source, @RequestParam Optional<String> control, @RequestParam Optional<String> q,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal VouchUser u, Model m) {
        DashboardService.Prepared prepared = api.prepared(u);
        ReadinessModel x = prepared.model();
        Views.FindingPage p = Views.findings(prepared, new Views.FindingFilter(severity, outcome, source, control, Optional.empty(),
                Optional.empty(), q), page, 50, ws.workspace().dir());
        m.addAttribute("p", p);
        m.addAttribute("severity", severity.orElse(""));
        m.addAttribute("outcome", outcome.orElse(""));
        m.addAttribute("source", source.orElse(""));
        m.addAttribute("control", control.orElse(""));
        m.addAttribute("q", q.orElse(""));
        m.addAttribute("sources", x.findings().stream().map(f -> f.origin().source()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        m.addAttribute("controls", x.assessment().controls().stream().map(ControlScore::controlId).toList());
        m.addAttribute("pages", (p.total() + p.size() - 1) / p.size());
        return "findings";
    }

    @GetMapping("/resource")
    String resource(@RequestParam String id, @AuthenticationPrincipal VouchUser u, Model m) {
        ApiController.ResourceDetail d = api.resource(id, u);
        m.addAttribute("r", d);
        return "resource";
    }

    @GetMapping("/scans")
    String scanList(@AuthenticationPrincipal VouchUser u, Model m) {
        List<ScanSummary> all = api.scanHistory(u);
        m.addAttribute("scans", all.subList(0, Math.min(200, all.size())).stream().map(ScanRow::of).toList());
        m.addAttribute("total", all.size());
        m.addAttribute("jobs", api.jobs(u));
        ScheduleStatus st = api.schedule(u); // an auditor's limited to their window
        m.addAttribute("st", st);
        m.addAttribute("schedule", st.configured() ? st.expression() + " (" + st.zone() + ")" : "");
        return "scans";
    }

    @PostMapping("/scans/run")
    String runScan(@AuthenticationPrincipal VouchUser u, HttpServletRequest req, RedirectAttributes ra) {
        try {
            ScanJobs.Job job = scans.start(u.username());
            audit.record(u.username(), "scan.run", "job " + job.getId(), req.getRemoteAddr(), true, ApiController.via(u));
            return "redirect:/scans/jobs/" + job.getId();
        } catch (ScanJobs.Busy busy) {
            ra.addFlashAttribute("error", busy.getMessage());
            return "redirect:/scans/jobs/" + busy.job().getId();
        }
    }

    @GetMapping("/scans/jobs/{id}")
    String job(@PathVariable long id, @AuthenticationPrincipal VouchUser u, Model m) {
        m.addAttribute("job", api.job(id, u));
        return "job";
    }

    @GetMapping("/evidence")
    String evidence(@RequestParam(defaultValue = "false") boolean verify, @AuthenticationPrincipal VouchUser u, Model m) {
        List<dev.vouch.report.assessment.EvidenceEntry> all = api.evidence(u);
        List<dev.vouch.report.assessment.EvidenceEntry> newestFirst = new java.util.ArrayList<>(all);
        java.util.Collections.reverse(newestFirst);
        m.addAttribute("entries", newestFirst);
        m.addAttribute("vault", api.vault(verify, u));
        m.addAttribute("controls", dashboard.model(u).map(x -> x.assessment().controls()).orElse(List.of()));
        return "evidence";
    }

    @PostMapping("/evidence")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(name = "control", required = false) List<String> control,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String note, @AuthenticationPrincipal VouchUser u, HttpServletRequest req,
            RedirectAttributes ra) throws IOException {
        return act(ra, "/evidence", () -> {
            ApiController.Recorded r = api.recordEvidence(file, control == null ? List.of() : control, from, to, note, u, req);
            return "Recorded " + r.name() + " as vault entry #" + r.seq() + ", covering "
                    + r.coversFrom().toString().substring(0, 10) + " to " + r.coversTo().toString().substring(0, 10) + ".";
        });
    }

    @GetMapping("/exceptions")
    String exceptions(@AuthenticationPrincipal VouchUser u, Model m) {
        Optional<ReadinessModel> x = dashboard.model(u);
        try {
            m.addAttribute("rules", ExceptionsView.rules(ws, x.map(r -> r.checks().keySet()).orElse(Set.of())));
        } catch (ConfigException e) {
            m.addAttribute("rules", List.of());
            m.addAttribute("error", e.getMessage());
        }
        m.addAttribute("requests", exceptions.visibleTo(u));
        m.addAttribute("checkIds", x.map(r -> new java.util.TreeSet<>(r.checks().keySet())).orElse(new java.util.TreeSet<>()));
        m.addAttribute("today", java.time.LocalDate.ofInstant(ws.clock().instant(), java.time.ZoneOffset.UTC));
        m.addAttribute("excepted", x.map(r -> r.findings().stream()
                .filter(f -> f.outcome() == dev.vouch.model.Outcome.EXCEPTED).count()).orElse(0L));
        return "exceptions";
    }

    @PostMapping("/exceptions")
    String requestException(@RequestParam(defaultValue = "") String check, @RequestParam(defaultValue = "") String resource,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String expires,
            @AuthenticationPrincipal VouchUser u, HttpServletRequest req, RedirectAttributes ra) throws IOException {
        return act(ra, "/exceptions", () -> "Requested " + exceptions.request(u, check, resource, reason, expires,
                req.getRemoteAddr()).exceptionId() + "; an admin other than you decides it.");
    }

    @PostMapping("/exceptions/{id}/{action}")
    String decideException(@PathVariable long id, @PathVariable String action, @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal VouchUser u, HttpServletRequest req, RedirectAttributes ra) throws IOException {
        return act(ra, "/exceptions", () -> {
            dev.vouch.store.ExceptionRequests.Request r = exceptions.decide(u, id, action, note, req.getRemoteAddr());
            return r.exceptionId() + " is now " + r.state().name().toLowerCase(Locale.ROOT)
                    + (r.state() == dev.vouch.store.ExceptionRequests.State.APPROVED ? "; it applies from the next scan." : ".");
        });
    }

    @GetMapping("/reports")
    String reports(Model m) {
        return "reports";
    }

    private static final Set<String> KINDS = Set.of("readiness", "type2");
    private static final Set<String> FORMATS = Set.of("pdf", "html", "xlsx", "json", "oscal");

    /** Runs {@code vouch report KIND WORKSPACE --format F} into a private temporary file and sends it. */
    @GetMapping("/reports/{kind}.{format}")
    ResponseEntity<byte[]> report(@PathVariable String kind, @PathVariable String format,
            @AuthenticationPrincipal VouchUser u) throws IOException {
        if (!KINDS.contains(kind) || !FORMATS.contains(format)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report");
        }
        // reports are made in this process: two at a time, so that readers cannot exhaust CPU and memory
        if (!REPORTS.tryAcquire()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "two reports are being made; try again in a minute");
        }
        Path dir = Files.createTempDirectory("vouch-report");
        try {
            Path out = dir.resolve(kind + "." + (format.equals("oscal") ? "oscal.json" : format));
            byte[] body = makeReport(kind, format, out, u);
            String type = switch (format) {
                case "pdf" -> "application/pdf";
                case "html" -> "text/html";
                case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                default -> "application/json";
            };
            String name = kind + "-" + java.time.LocalDate.ofInstant(u.readAt(ws.clock().instant()), java.time.ZoneOffset.UTC) + "."
                    + (format.equals("oscal") ? "oscal.json" : format);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                    .body(body);
        } finally {
            REPORTS.release();
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static final java.util.concurrent.Semaphore REPORTS = new java.util.concurrent.Semaphore(2);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PageController.class);

    private byte[] makeReport(String kind, String format, Path out, VouchUser u) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("report", kind, ws.workspace().dir().toString(), "--format", format,
                "-o", out.toString()));
        if (u.isAuditor()) {
            if (u.windowFrom().isEmpty() || u.windowTo().isEmpty()) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "an auditor needs an observation window");
            }
            if (kind.equals("type2")) {
                args.addAll(List.of("--period", u.windowFrom().get() + ".." + u.windowTo().get()));
            } else if (u.windowTo().get().isBefore(ws.clock().instant())) {
                args.addAll(List.of("--as-of", u.windowTo().get().toString()));
            }
        }
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0 || !Files.exists(out)) {
            String first = err.toString().strip().lines().findFirst().orElse("");
            LOG.warn("report {} {} failed (exit {}): {}", kind, format, code, AuditTrail.clean(err.toString().strip()));
            // what the user can act on (no observation window, no scan yet), without paths or internals
            String said = code == dev.vouch.cli.ExitCode.USAGE && first.startsWith("vouch: ")
                    ? first.substring(7).replace(ws.workspace().dir().toString(), "WORKSPACE") : "the report could not be made (see the server log)";
            throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_ENTITY, said);
        }
        return Files.readAllBytes(out);
    }

    @GetMapping("/settings")
    String settings(@AuthenticationPrincipal VouchUser u, Model m) {
        m.addAttribute("s", api.settings(u));
        return "settings";
    }

    @GetMapping("/settings/users")
    String users(Model m) {
        m.addAttribute("users", api.users());
        m.addAttribute("tokens", api.allTokens());
        return "users";
    }

    @PostMapping("/settings/users")
    String createUser(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "viewer") String role, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String windowFrom, @RequestParam(defaultValue = "") String windowTo,
            @AuthenticationPrincipal VouchUser u, HttpServletRequest req, RedirectAttributes ra) throws IOException {
        return act(ra, "/settings/users", () -> {
            ApiController.UserView v = api.create(new ApiController.NewUser(username, displayName, role, password, windowFrom, windowTo), u, req);
            return "Created " + v.role() + " " + v.username() + ". Give them the password by a separate channel.";
        });
    }

    @PostMapping("/settings/users/{id}/{action}")
    String userAction(@PathVariable long id, @PathVariable String action, @AuthenticationPrincipal VouchUser u,
            HttpServletRequest req, RedirectAttributes ra) throws IOException {
        if (!Set.of("disable", "enable", "reset-mfa").contains(action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return act(ra, "/settings/users", () -> {
            ApiController.UserView v = action.equals("reset-mfa") ? api.resetMfa(id, u, req) : api.setDisabled(id, action.equals("disable"), u, req);
            return v.username() + ": " + (action.equals("reset-mfa") ? "authenticator reset" : action + "d") + ".";
        });
    }

    @PostMapping("/settings/users/tokens/{id}/revoke")
    String revokeAny(@PathVariable String id, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        api.revokeAny(id, u, req);
        return "redirect:/settings/users";
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal VouchUser u, Model m) {
        m.addAttribute("tokens", u.isAuditor() ? List.of() : api.myTokens(u));
        m.addAttribute("account", accounts.account(u.accountId()).map(ApiController::view).orElseThrow());
        return "account";
    }

    @PostMapping("/account/password")
    String password(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, @AuthenticationPrincipal VouchUser u, HttpServletRequest req,
            RedirectAttributes ra) throws IOException {
        return act(ra, "/account", () -> {
            if (!password.equals(confirm)) {
                throw new IllegalArgumentException("the two new passwords differ");
            }
            accounts.changePassword(u.accountId(), current, password);
            // this session goes on; the account's other sessions end (their credentials stamp no longer matches)
            req.getSession().setAttribute(AuthController.STAMP, AuthController.stamp(accounts.account(u.accountId()).orElseThrow()));
            audit.record(u.username(), "account.password", u.username(), req.getRemoteAddr(), true, ApiController.via(u));
            return "Password changed.";
        });
    }

    @PostMapping("/account/tokens")
    String newToken(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "read") String scope,
            @AuthenticationPrincipal VouchUser u, HttpServletRequest req, RedirectAttributes ra) throws IOException {
        return act(ra, "/account", () -> {
            ra.addFlashAttribute("newToken", api.issue(name, scope, u, req).token());
            return null; // the page shows the token itself
        });
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable String id, @AuthenticationPrincipal VouchUser u, HttpServletRequest req) {
        api.revokeMine(id, u, req);
        return "redirect:/account";
    }

    @GetMapping("/audit")
    String auditTrail(@AuthenticationPrincipal VouchUser u, Model m) {
        m.addAttribute("rows", api.auditTrail(500, u));
        return "audit";
    }

    /** A scan as the history table shows it. */
    public record ScanRow(long id, java.time.Instant finishedAt, List<String> sources, int resources, int fail, int pass, int errors) {
        static ScanRow of(ScanSummary s) {
            return new ScanRow(s.id(), s.finishedAt(), s.sources(), s.resourceCount(), s.outcomes().get(dev.vouch.model.Outcome.FAIL),
                    s.outcomes().get(dev.vouch.model.Outcome.PASS), s.collectionErrorCount());
        }
    }

    /** A change made from a form. */
    private interface Change {
        /** @return what the next page says it did, or null */
        String make() throws IOException;
    }

    /** Makes {@code change}; its message, or why it was refused, is shown on the page {@code back} leads to. */
    private static String act(RedirectAttributes ra, String back, Change change) throws IOException {
        try {
            String info = change.make();
            if (info != null) {
                ra.addFlashAttribute("info", info);
            }
        } catch (IllegalArgumentException | ConfigException | java.util.NoSuchElementException e) {
            ra.addFlashAttribute("error", e.getMessage());
        } catch (ResponseStatusException e) {
            ra.addFlashAttribute("error", e.getReason());
        }
        return "redirect:" + back;
    }
}
