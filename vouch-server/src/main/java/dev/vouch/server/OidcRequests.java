package dev.vouch.server;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Sign-ins in flight at the identity provider (state, nonce and PKCE verifier), kept in memory on the server and tied
 * to the browser by a random handle in the cookie {@value #COOKIE}. Not in the session: the session cookie is
 * SameSite=Strict, so a browser does not send it on the provider's redirect back to Vouch; this cookie is
 * SameSite=Lax (sent on that top-level GET), HttpOnly, limited to the callback path and lives ten minutes.
 */
final class OidcRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {
    static final String COOKIE = "VOUCH_OIDC";
    static final String PATH = "/login/oauth2/code/";
    private static final Duration TTL = Duration.ofMinutes(10);
    /** At most this many sign-ins in flight at once; more are refused rather than letting memory grow. */
    private static final int MAX = 10_000;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final boolean secure;

    private record Held(OAuth2AuthorizationRequest request, Instant until, String from) {
    }

    /** At most this many sign-ins in flight per client address (IPv6 per /64), so that no one fills the table. */
    private static final int PER_ADDRESS = 20;

    OidcRequests(Clock clock, boolean secure) {
        this.clock = clock;
        this.secure = secure;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest req) {
        String handle = handle(req);
        Held h = handle == null ? null : held.get(handle);
        if (h == null || clock.instant().isAfter(h.until())) {
            return null;
        }
        String state = req.getParameter(OAuth2ParameterNames.STATE);
        return h.request().getState().equals(state) ? h.request() : null;
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest request, HttpServletRequest req, HttpServletResponse res) {
        String old = handle(req);
        if (old != null) {
            held.remove(old);
        }
        if (request == null) {
            cookie(res, "", Duration.ZERO);
            return;
        }
        Instant now = clock.instant();
        held.values().removeIf(h -> now.isAfter(h.until()));
        String from = dev.vouch.auth.LoginThrottle.addressKey(AuthController.address(req));
        if (held.size() >= MAX || held.values().stream().filter(h -> h.from().equals(from)).count() >= PER_ADDRESS) {
            throw new IllegalStateException("too many sign-ins in flight at the identity provider; try again in a few minutes");
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String handle = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        held.put(handle, new Held(request, now.plus(TTL), from));
        cookie(res, handle, TTL);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest req, HttpServletResponse res) {
        OAuth2AuthorizationRequest r = loadAuthorizationRequest(req);
        if (r != null) {
            held.remove(handle(req)); // one use: a replayed callback finds nothing
            cookie(res, "", Duration.ZERO);
        }
        return r;
    }

    private static String handle(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    private void cookie(HttpServletResponse res, String value, Duration maxAge) {
        ResponseCookie c = ResponseCookie.from(COOKIE, value).path(PATH).httpOnly(true).secure(secure).sameSite("Lax")
                .maxAge(maxAge).build();
        res.addHeader(HttpHeaders.SET_COOKIE, c.toString());
    }
}
