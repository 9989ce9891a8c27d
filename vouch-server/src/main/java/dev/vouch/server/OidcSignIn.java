package dev.vouch.server;

import dev.vouch.store.Accounts.Account;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * What happens when the identity provider sends the browser back. A verified ID token only says who the user is at
 * the provider; the user signs in to Vouch as the existing, enabled local account of the same user name (made by an
 * admin first: no account is created here), with that account's role and auditor window. Admins must have done
 * multi-factor authentication: either the token's {@code amr} claim holds {@code mfa}, or they give their Vouch
 * authenticator code next (the password sign-in's TOTP step), or they are refused.
 */
final class OidcSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    static final String NEXT = "vouch.oidc.next";
    static final String PROBLEM = "vouch.oidc.problem";
    static final String STATUS = "vouch.oidc.status";
    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    private final String providerName;
    private final String usernameClaim;
    private final WorkspaceContext ws;
    private final AccountService accounts;
    private final AuditTrail audit;
    private final AuthController auth;

    /** Where the provider's user leads. */
    sealed interface Outcome {
        record SignedIn(Account account) implements Outcome {
        }

        /** an admin without MFA at the provider who has a Vouch authenticator */
        record NeedsTotp(Account account) implements Outcome {
        }

        /** @param who the user name as far as known; @param reason a short code for the audit trail */
        record Refused(String who, String reason, String message) implements Outcome {
        }
    }

    OidcSignIn(String providerName, String usernameClaim, WorkspaceContext ws, AccountService accounts, AuditTrail audit,
            AuthController auth) {
        this.providerName = providerName;
        this.usernameClaim = usernameClaim;
        this.ws = ws;
        this.accounts = accounts;
        this.audit = audit;
        this.auth = auth;
    }

    Outcome decide(OidcUser user) {
        Object raw = user.getClaims().get(usernameClaim);
        if (!(raw instanceof String s) || s.isBlank()) {
            return new Outcome.Refused("-", "no-username-claim", providerName + " sent no '" + usernameClaim
                    + "' claim, which names your Vouch user. Ask an admin to check the single sign-on set-up (docs/oidc.md).");
        }
        String name;
        try {
            name = AccountService.username(s);
        } catch (IllegalArgumentException e) {
            String shown = AuditTrail.clean(s);
            return new Outcome.Refused(shown, "not-a-user-name", "'" + shown + "' cannot be a Vouch user name; ask an admin.");
        }
        Optional<Account> found = ws.store().accounts().byUsername(name);
        if (found.isEmpty()) {
            return new Outcome.Refused(name, "no-account", "You signed in at " + providerName + " as " + name
                    + ", but Vouch has no account of that name. Ask an admin to add " + name + ".");
        }
        Account a = found.get();
        if (a.disabled()) {
            return new Outcome.Refused(name, "disabled", "The Vouch account " + name + " is disabled. Ask an admin to enable it.");
        }
        // bound to the provider's immutable subject at the first sign-in: another identity that later carries the same
        // user name (names can be changed and reused at the provider) is refused
        String subject = user.getIssuer() + " " + user.getSubject();
        if (a.ssoSubject().isPresent() && !a.ssoSubject().get().equals(subject)) {
            return new Outcome.Refused(name, "other-identity", "The Vouch account " + name + " is linked to another "
                    + providerName + " identity. Ask an admin (vouch users unlink-sso " + name + " if the person's identity changed).");
        }
        if (Role.parse(a.role()) != Role.ADMIN || didMfa(user)) {
            if (a.ssoSubject().isEmpty() && ws.store().accounts().bindSso(a.id(), subject)) {
                audit.record(name, "account.sso.link", name, "-", true, Map.of("provider", providerName));
            }
            return new Outcome.SignedIn(a);
        }
        if (a.mfaEnabled()) {
            return new Outcome.NeedsTotp(a);
        }
        return new Outcome.Refused(name, "admin-without-mfa", "Admins need multi-factor authentication: " + providerName
                + " did not report it for this sign-in and your Vouch account has no authenticator. Sign in with your "
                + "password to set one up, or ask for multi-factor authentication to be required at " + providerName + ".");
    }

    private static boolean didMfa(OidcUser user) {
        Object amr = user.getClaims().get("amr");
        if (amr instanceof List<?> l) {
            return l.contains("mfa");
        }
        return "mfa".equals(amr);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest req, HttpServletResponse res, Authentication authentication)
            throws IOException, ServletException {
        SecurityContextHolder.clearContext(); // the provider's identity is not a Vouch session
        Outcome o = decide((OidcUser) authentication.getPrincipal());
        if (o instanceof Outcome.SignedIn s) {
            auth.signIn(s.account(), "oidc", req, res);
            show(req, res, 200, "/", null);
        } else if (o instanceof Outcome.NeedsTotp t) {
            // the session id changed on authentication already (session fixation protection)
            req.getSession().setAttribute(AuthController.PENDING, new AuthController.Pending(t.account().id(),
                    AccountService.Step.TOTP, System.currentTimeMillis(), "oidc"));
            show(req, res, 200, "/login/totp", null);
        } else {
            Outcome.Refused r = (Outcome.Refused) o;
            audit.record(r.who(), "signin.oidc", r.who(), req.getRemoteAddr(), false, Map.of("method", "oidc", "reason", r.reason()));
            show(req, res, 403, null, r.message());
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
            throws IOException, ServletException {
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "authentication_failed";
        LOG.warn("OIDC sign-in refused: {}: {}", AuditTrail.clean(code), AuditTrail.clean(e.getMessage()));
        // no vault entry: anyone can call the callback with garbage, and the vault keeps every entry forever (the log has it)
        show(req, res, 401, null, "The sign-in with " + providerName + " did not succeed (" + AuditTrail.clean(code)
                + "). Try again from the sign-in page; if it keeps failing, ask an admin to look at the server log.");
    }

    /** Renders the result page (a redirect by meta refresh, so the SameSite=Strict session cookie is sent). */
    private static void show(HttpServletRequest req, HttpServletResponse res, int status, String next, String problem)
            throws IOException, ServletException {
        req.setAttribute(STATUS, status);
        if (next != null) {
            req.setAttribute(NEXT, next);
        }
        if (problem != null) {
            req.setAttribute(PROBLEM, problem);
        }
        req.getRequestDispatcher(OidcController.PAGE).forward(req, res);
    }
}
