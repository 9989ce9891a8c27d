package dev.vouch.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages and the API share one rule set: anything needs a signed-in user (session or API
 * token) except sign-in, first-run set-up and static files; changes need the WRITE authority (admin or editor, and
 * for tokens a read-write scope); user administration needs ADMIN; an auditor never writes. Forms and session-borne
 * API calls carry a CSRF token; bearer-token calls do not need one (no cookie is involved).
 */
@Configuration
@EnableWebSecurity
public class SecurityConfig {
    static final String WRITE = "WRITE";
    /** Manage one's own password, authenticator and tokens (everyone but auditors). */
    static final String SELF = "SELF";

    /** The Content-Security-Policy of every response: no inline script, nothing from elsewhere. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    HttpSessionSecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    TokenFilter tokenFilter(AccountService accounts) {
        return new TokenFilter(accounts);
    }

    /** The token filter runs inside the security chain only, not a second time as a servlet filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<TokenFilter> tokenFilterRegistration(TokenFilter f) {
        org.springframework.boot.web.servlet.FilterRegistrationBean<TokenFilter> r = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(f);
        r.setEnabled(false);
        return r;
    }

    @Bean
    SecurityFilterChain chain(HttpSecurity http, TokenFilter tokens, HttpSessionSecurityContextRepository contexts,
            ServerSettings settings, OidcSupport oidc) throws Exception {
        oidc.configure(http); // single sign-on, when vouch.yaml configures it (its rules go first)
        PathPatternRequestMatcher.Builder p = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = p.matcher("/api/**");
        RequestMatcher bearer = (HttpServletRequest r) -> r.getHeader("Authorization") != null;
        http.securityContext(c -> c.securityContextRepository(contexts))
                .addFilterAfter(tokens, SecurityContextHolderFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(bearer))
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.authorities(List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedout").deleteCookies("VOUCH_SESSION"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> {
                    h.contentSecurityPolicy(c -> c.policyDirectives(CSP));
                    h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
                    h.frameOptions(f -> f.deny());
                    if (!settings.behindTls()) {
                        h.httpStrictTransportSecurity(x -> x.disable());
                    }
                })
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(SecurityConfig::apiUnauthorized, api)
                        .defaultAccessDeniedHandlerFor(SecurityConfig::apiForbidden, api)
                        // pages: the error page (with only one handler registered, Spring would use the API one everywhere)
                        .defaultAccessDeniedHandlerFor(new org.springframework.security.web.access.AccessDeniedHandlerImpl(), r -> true)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), r -> true))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/totp", "/login/enrol", "/setup", "/static/**", "/favicon.ico",
                                "/error", "/api/v1/openapi.json").permitAll()
                        .requestMatchers("/api/v1/users", "/api/v1/users/**", "/settings/users", "/settings/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/**").authenticated()
                        .requestMatchers("/logout").authenticated()
                        .requestMatchers("/account/password").hasAnyRole("ADMIN", "EDITOR", "VIEWER", "AUDITOR")
                        .requestMatchers("/api/v1/me/tokens", "/api/v1/me/tokens/**", "/account/tokens", "/account/tokens/**",
                                "/account/mfa", "/account/mfa/**").hasAuthority(SELF)
                        .anyRequest().hasAuthority(WRITE));
        return http.build();
    }

    /** The API answers a missing sign-in with a JSON problem (never a redirect to the sign-in page, never an empty body). */
    static void apiUnauthorized(HttpServletRequest req, HttpServletResponse res, AuthenticationException e) throws IOException {
        res.setHeader("WWW-Authenticate", "Bearer realm=\"vouch\"");
        TokenFilter.deny(res, 401, "sign in, or send 'Authorization: Bearer vouch_…' with an API token");
    }

    /** A refused API call (role, token scope or a missing CSRF header) as a JSON problem, like the API's other errors. */
    static void apiForbidden(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e) throws IOException {
        org.springframework.security.core.Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || a instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            apiUnauthorized(req, res, null); // no credentials at all (the CSRF check runs before sign-in is looked at): 401
            return;
        }
        TokenFilter.deny(res, 403, e instanceof org.springframework.security.web.csrf.CsrfException
                ? "a session's changing call needs the X-CSRF-TOKEN header" : "your role or token does not allow this");
    }
}
