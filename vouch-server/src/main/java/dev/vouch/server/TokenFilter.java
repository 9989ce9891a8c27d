package dev.vouch.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer vouch_…} (never stored in a session), and keeps
 * browser sessions in step with their account: a disabled account or a changed role takes effect within seconds,
 * not at the next sign-in.
 */
public class TokenFilter extends OncePerRequestFilter {
    private static final long REFRESH_MS = 5_000;
    private final AccountService accounts;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /** An account as sessions see it for a few seconds: its user, and its credentials stamp (empty when disabled). */
    private record Cached(Optional<VouchUser> user, Optional<String> stamp, long at) {
    }

    /** A session stays valid while its account's credentials are those it began with, and for at most 12 hours. */
    private static boolean stillValid(HttpSession s, VouchUser now, String stamp) {
        Object began = s.getAttribute(AuthController.STAMP);
        if (began != null && stamp != null && !began.equals(stamp)) {
            return false;
        }
        if (now.role() == Role.ADMIN && !Boolean.TRUE.equals(s.getAttribute(AuthController.MFA))) {
            return false; // promoted to admin in a session that never gave a second factor
        }
        Object since = s.getAttribute(AuthController.SINCE);
        return !(since instanceof Long l) || System.currentTimeMillis() - l <= AuthController.MAX_AGE_MS;
    }

    public TokenFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The authorities of a user: its role, WRITE when it may change things, SELF when it may manage itself. */
    public static List<GrantedAuthority> authorities(VouchUser u) {
        List<GrantedAuthority> out = new ArrayList<>();
        out.add(new SimpleGrantedAuthority("ROLE_" + u.role().name()));
        if (u.canWrite()) {
            out.add(new SimpleGrantedAuthority(SecurityConfig.WRITE));
        }
        if (!u.isAuditor() && (u.tokenId().isEmpty() || u.canWrite())) {
            out.add(new SimpleGrantedAuthority(SecurityConfig.SELF));
        }
        return out;
    }

    public static Authentication authentication(VouchUser u) {
        return UsernamePasswordAuthenticationToken.authenticated(u, null, authorities(u));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String header = req.getHeader("Authorization");
        if (header != null) {
            bearer(header, req, res, chain);
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof VouchUser u && u.tokenId().isEmpty()) {
            Cached account = current(u.accountId());
            Optional<VouchUser> now = account.user();
            HttpSession session = req.getSession(false);
            if (now.isPresent() && session != null && !stillValid(session, now.get(), account.stamp().orElse(null))) {
                now = Optional.empty(); // credentials changed, an admin without a second factor, or too old: sign in again
            }
            if (now.isEmpty()) {
                HttpSession s = req.getSession(false);
                if (s != null) {
                    s.invalidate(); // disabled or deleted: the session ends
                }
                SecurityContextHolder.clearContext();
            } else if (!now.get().equals(u)) {
                SecurityContext ctx = SecurityContextHolder.createEmptyContext();
                ctx.setAuthentication(authentication(now.get()));
                SecurityContextHolder.setContext(ctx);
                HttpSession s = req.getSession(false);
                if (s != null) {
                    s.setAttribute(org.springframework.security.web.context.HttpSessionSecurityContextRepository
                            .SPRING_SECURITY_CONTEXT_KEY, ctx);
                }
            }
        }
        chain.doFilter(req, res);
    }

    private Cached current(long id) {
        long t = System.currentTimeMillis();
        Cached c = cache.get(id);
        if (c == null || t - c.at() > REFRESH_MS) {
            Optional<dev.vouch.store.Accounts.Account> a = accounts.account(id).filter(x -> !x.disabled());
            c = new Cached(a.map(accounts::sessionUser), a.map(AuthController::stamp), t);
            cache.put(id, c);
        }
        return c;
    }

    /** Forgets what is cached of an account (after an admin changed it). */
    public void forget(long accountId) {
        cache.remove(accountId);
    }

    private void bearer(String header, HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!req.getRequestURI().startsWith("/api/") || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            deny(res, 401, "Authorization: only 'Bearer vouch_…' API tokens, and only on /api/");
            return;
        }
        AccountService.TokenCheck check = accounts.checkToken(header.substring(7).strip(), req.getMethod());
        if (check instanceof AccountService.TokenCheck.Ok ok) {
            SecurityContext ctx = SecurityContextHolder.createEmptyContext();
            ctx.setAuthentication(authentication(ok.user()));
            SecurityContextHolder.setContext(ctx);
            try {
                chain.doFilter(req, res);
            } finally {
                SecurityContextHolder.clearContext();
            }
        } else if (check instanceof AccountService.TokenCheck.Forbidden) {
            deny(res, 403, "this token is read-only");
        } else {
            res.setHeader("WWW-Authenticate", "Bearer realm=\"vouch\"");
            deny(res, 401, "the API token is not valid (wrong, revoked, or its account is disabled)");
        }
    }

    static void deny(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"status\":" + status + ",\"title\":\"" + (status == 401 ? "Unauthorized" : "Forbidden")
                + "\",\"detail\":\"" + message.replace("\"", "'") + "\"}");
    }
}
