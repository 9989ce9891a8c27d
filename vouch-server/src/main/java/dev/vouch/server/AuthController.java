package dev.vouch.server;

import dev.vouch.store.Accounts.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in in up to three steps: password; then a TOTP code when the account has one, or, for an admin without one,
 * enrolment of an authenticator before anything else. The first admin is created with the one-time set-up code.
 */
@Controller
public class AuthController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuthController.class);
    static final String PENDING = "vouch.pending";
    /** The account's credentials when the session began: a password change or authenticator reset ends the session. */
    static final String STAMP = "vouch.stamp";
    /** Whether the session's sign-in included a second factor (an admin's session must have). */
    static final String MFA = "vouch.mfa";
    /** When the session began (sessions end after {@link #MAX_AGE_MS} whatever their activity). */
    static final String SINCE = "vouch.since";
    static final long MAX_AGE_MS = 12L * 3600_000;
    private static final org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository CSRF_TOKENS =
            new org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository();
    /** A password step is good for this long while the second step is awaited. */
    private static final long PENDING_MS = 5 * 60_000;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final HttpSessionSecurityContextRepository contexts;

    /** A first step (password, or single sign-on: {@code via}) was right; the session waits for the next step. */
    record Pending(long accountId, AccountService.Step step, long at, String via) implements java.io.Serializable {
        Pending(long accountId, AccountService.Step step, long at) {
            this(accountId, step, at, "password");
        }
    }

    public AuthController(AccountService accounts, AuditTrail audit, HttpSessionSecurityContextRepository contexts) {
        this.accounts = accounts;
        this.audit = audit;
        this.contexts = contexts;
    }

    @GetMapping("/login")
    String login(Model m, @RequestParam Optional<String> signedout) {
        if (accounts.needsSetup()) {
            return "redirect:/setup";
        }
        signedout.ifPresent(x -> m.addAttribute("info", "You are signed out."));
        return "login";
    }

    @PostMapping("/login")
    String loginPost(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest req, HttpServletResponse res, Model m) {
        AccountService.SignIn r = accounts.checkPassword(username, password, address(req));
        if (r instanceof AccountService.SignIn.Refused refused) {
            if (!refused.throttled() && refused.account().isPresent()) {
                audit.record(refused.account().get(), "signin.password", refused.account().get(), req.getRemoteAddr(), false, Map.of());
            } else if (!refused.throttled()) {
                LOG.info("sign-in refused for a name no account has, from {}", AuditTrail.clean(req.getRemoteAddr()));
            }
            m.addAttribute("error", refused.message());
            m.addAttribute("username", username);
            res.setStatus(401);
            return "login";
        }
        AccountService.SignIn.Verified v = (AccountService.SignIn.Verified) r;
        req.changeSessionId();
        if (v.next() == AccountService.Step.DONE) {
            return signIn(v.account(), "password", req, res);
        }
        req.getSession().setAttribute(PENDING, new Pending(v.account().id(), v.next(), System.currentTimeMillis()));
        return v.next() == AccountService.Step.TOTP ? "redirect:/login/totp" : "redirect:/login/enrol";
    }

    @GetMapping("/login/totp")
    String totp(HttpServletRequest req) {
        return pending(req, AccountService.Step.TOTP).isPresent() ? "login-totp" : "redirect:/login";
    }

    @PostMapping("/login/totp")
    String totpPost(@RequestParam(defaultValue = "") String code, HttpServletRequest req, HttpServletResponse res, Model m) {
        Optional<Pending> p = pending(req, AccountService.Step.TOTP);
        if (p.isEmpty()) {
            return "redirect:/login";
        }
        Optional<String> problem = accounts.checkTotp(p.get().accountId(), code);
        Account a = accounts.account(p.get().accountId()).orElseThrow();
        if (problem.isPresent()) {
            if (!problem.get().startsWith("Too many")) { // attempts on hold are not recorded one by one
                audit.record(a.username(), "signin.totp", a.username(), req.getRemoteAddr(), false, Map.of());
            }
            m.addAttribute("error", problem.get());
            res.setStatus(401);
            return "login-totp";
        }
        return signIn(a, p.get().via() + "+totp", req, res);
    }

    @GetMapping("/login/enrol")
    String enrol(HttpServletRequest req, Model m) {
        Optional<Pending> p = pending(req, AccountService.Step.ENROL);
        if (p.isEmpty()) {
            return "redirect:/login";
        }
        Account a = accounts.account(p.get().accountId()).orElseThrow();
        HttpSession s = req.getSession();
        String secret = (String) s.getAttribute("vouch.enrol.secret");
        if (a.mfaEnabled()) {
            s.removeAttribute(PENDING); // enrolled meanwhile (by its owner, or in another session): sign in with a code
            return "redirect:/login";
        }
        if (secret == null) {
            secret = accounts.beginEnrol(a.id());
            s.setAttribute("vouch.enrol.secret", secret);
        }
        m.addAttribute("secret", spaced(secret));
        String uri = accounts.otpauthUri(a.username(), secret);
        m.addAttribute("uri", uri);
        m.addAttribute("qr", Qr.of(uri));
        m.addAttribute("username", a.username());
        return "login-enrol";
    }

    @PostMapping("/login/enrol")
    String enrolPost(@RequestParam(defaultValue = "") String code, HttpServletRequest req, HttpServletResponse res, Model m) {
        Optional<Pending> p = pending(req, AccountService.Step.ENROL);
        if (p.isEmpty()) {
            return "redirect:/login";
        }
        Optional<String> problem = accounts.confirmEnrol(p.get().accountId(), code);
        Account a = accounts.account(p.get().accountId()).orElseThrow();
        if (problem.isPresent()) {
            m.addAttribute("error", problem.get());
            res.setStatus(400);
            return enrol(req, m);
        }
        audit.record(a.username(), "account.mfa.enrol", a.username(), req.getRemoteAddr(), true, Map.of());
        req.getSession().removeAttribute("vouch.enrol.secret");
        return signIn(a, "password+totp", req, res);
    }

    @GetMapping("/setup")
    String setup(Model m) {
        if (!accounts.needsSetup()) {
            return "redirect:/login";
        }
        m.addAttribute("file", AccountService.SETUP_FILE);
        return "setup";
    }

    @PostMapping("/setup")
    String setupPost(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirm, HttpServletRequest req, HttpServletResponse res, Model m) {
        if (!accounts.needsSetup()) {
            return "redirect:/login";
        }
        m.addAttribute("file", AccountService.SETUP_FILE);
        m.addAttribute("username", username);
        m.addAttribute("displayName", displayName);
        try {
            if (!password.equals(confirm)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            Account a = accounts.setup(code, username, displayName, password);
            audit.record(a.username(), "account.create", a.username(), req.getRemoteAddr(), true,
                    Map.of("role", "admin", "via", "first-run set-up"));
            req.changeSessionId();
            // an admin's first step after set-up is enrolling an authenticator
            req.getSession().setAttribute(PENDING, new Pending(a.id(), AccountService.Step.ENROL, System.currentTimeMillis()));
            return "redirect:/login/enrol";
        } catch (IllegalArgumentException e) {
            m.addAttribute("error", e.getMessage());
            res.setStatus(400);
            return "setup";
        }
    }

    /** Makes the session of {@code a} (also after single sign-on, {@link OidcSignIn}). */
    String signIn(Account a, String method, HttpServletRequest req, HttpServletResponse res) {
        HttpSession s = req.getSession();
        s.removeAttribute(PENDING);
        req.changeSessionId(); // a new session id at each privilege change
        CSRF_TOKENS.saveToken(null, req, res); // and a new CSRF token: one seen before sign-in is void after
        SecurityContext ctx = SecurityContextHolder.createEmptyContext();
        ctx.setAuthentication(TokenFilter.authentication(accounts.sessionUser(a)));
        SecurityContextHolder.setContext(ctx);
        contexts.saveContext(ctx, req, res);
        HttpSession now = req.getSession();
        now.setAttribute(STAMP, stamp(a));
        // OIDC signs an admin in directly only when the provider says MFA was done (amr contains mfa)
        now.setAttribute(MFA, method.contains("totp") || (method.equals("oidc") && Role.parse(a.role()) == Role.ADMIN));
        now.setAttribute(SINCE, System.currentTimeMillis());
        audit.record(a.username(), "signin", a.username(), req.getRemoteAddr(), true, Map.of("method", method));
        return "redirect:/";
    }

    private static Optional<Pending> pending(HttpServletRequest req, AccountService.Step step) {
        HttpSession s = req.getSession(false);
        if (s == null || !(s.getAttribute(PENDING) instanceof Pending p)) {
            return Optional.empty();
        }
        if (System.currentTimeMillis() - p.at() > PENDING_MS) {
            s.removeAttribute(PENDING);
            return Optional.empty();
        }
        return p.step() == step ? Optional.of(p) : Optional.empty();
    }

    /** What a session remembers of its account's credentials. */
    static String stamp(Account a) {
        return a.passwordChangedAt().toEpochMilli() + ":" + a.mfaEnabled();
    }

    static InetAddress address(HttpServletRequest req) {
        try {
            return InetAddress.getByName(req.getRemoteAddr()); // a literal address: no DNS lookup
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    private static String spaced(String secret) {
        return secret.replaceAll("(.{4})(?=.)", "$1 ");
    }
}
