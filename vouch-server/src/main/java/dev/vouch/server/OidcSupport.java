package dev.vouch.server;

import dev.vouch.cli.workspace.ConfigException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Optional single sign-on by OpenID Connect (authorization code with PKCE, state and nonce), configured in vouch.yaml
 * ({@code server.oidc}). Without that section nothing here is active: no registration, no extra routes. With it,
 * {@code /oauth2/authorization/oidc} sends the browser to the provider and {@code /login/oauth2/code/oidc} takes it
 * back; {@link OidcSignIn} then maps the provider's user to a local account.
 */
@Component
public class OidcSupport {
    static final String REGISTRATION = "oidc";
    static final String START = "/oauth2/authorization/" + REGISTRATION;
    private final Optional<OidcSettings> settings;
    private final Optional<ClientRegistration> registration;
    private final Clock clock;
    private final boolean behindTls;
    private final OidcSignIn signIn;

    public OidcSupport(WorkspaceContext ws, AccountService accounts, AuditTrail audit, AuthController auth) {
        this.settings = OidcSettings.read(ws.workspace(), System::getenv);
        this.clock = ws.clock();
        this.behindTls = ws.settings().behindTls();
        this.registration = settings.map(s -> registration(s, ws));
        this.signIn = new OidcSignIn(settings.map(OidcSettings::name).orElse(""),
                settings.map(OidcSettings::usernameClaim).orElse(OidcSettings.DEFAULT_CLAIM), ws, accounts, audit, auth);
    }

    public boolean enabled() {
        return registration.isPresent();
    }

    /** The provider's name for the sign-in button, when single sign-on is configured. */
    public Optional<String> name() {
        return settings.map(OidcSettings::name);
    }

    /** Adds OIDC sign-in to the security chain when configured; call it before the chain's own request rules. */
    public void configure(HttpSecurity http) throws Exception {
        if (registration.isEmpty()) {
            return;
        }
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwtValidatorFactory(this::validator);
        OidcUserService users = new OidcUserService();
        users.setRetrieveUserInfo(r -> false); // the signed ID token says all Vouch needs
        http.authorizeHttpRequests(a -> a.requestMatchers(OidcController.PAGE).permitAll())
                .oauth2Login(o -> o.clientRegistrationRepository(new InMemoryClientRegistrationRepository(registration.get()))
                        .loginPage("/login")
                        .authorizationEndpoint(e -> e.authorizationRequestRepository(new OidcRequests(clock, behindTls)))
                        .authorizedClientRepository(new NoAuthorizedClients())
                        .userInfoEndpoint(u -> u.oidcUserService(users))
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .withObjectPostProcessor(new ObjectPostProcessor<OidcAuthorizationCodeAuthenticationProvider>() {
                            @Override
                            public <O extends OidcAuthorizationCodeAuthenticationProvider> O postProcess(O p) {
                                p.setJwtDecoderFactory(decoders);
                                return p;
                            }
                        })
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                            // the provider's identity never becomes the session: OidcSignIn makes a Vouch session or none
                            // (set here: the configurer would give the filter the chain's session repository)
                            @Override
                            public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
                                filter.setSecurityContextRepository(new NullSecurityContextRepository());
                                return filter;
                            }
                        }));
    }

    /** Signature (by the decoder), issuer, audience, expiry and issue time, on the server's clock. */
    private OAuth2TokenValidator<Jwt> validator(ClientRegistration r) {
        JwtTimestampValidator times = new JwtTimestampValidator();
        times.setClock(clock);
        OidcIdTokenValidator claims = new OidcIdTokenValidator(r);
        claims.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(times, claims);
    }

    private ClientRegistration registration(OidcSettings s, WorkspaceContext ws) {
        ClientRegistration.Builder b;
        try {
            b = ClientRegistrations.fromIssuerLocation(s.issuer());
        } catch (RuntimeException e) {
            throw new ConfigException(ws.workspace().where("/server/oidc/issuer") + ": 'server.oidc.issuer': cannot read the OpenID configuration of "
                    + s.issuer() + " (" + AuditTrail.clean(String.valueOf(e.getMessage())) + ")");
        }
        // behind a TLS proxy the request arrives as http: the redirect URI the provider checks must still be https
        String redirect = (behindTls ? "https://{baseHost}{basePort}{basePath}" : "{baseUrl}") + "/login/oauth2/code/{registrationId}";
        return b.registrationId(REGISTRATION).clientId(s.clientId()).clientSecret(s.clientSecret()).clientName(s.name())
                .scope("openid", "profile", "email").redirectUri(redirect)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build()).build();
    }

    /** Vouch calls no API with the provider's access token, so it keeps none. */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String id, Authentication p, HttpServletRequest req) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient c, Authentication p, HttpServletRequest req, HttpServletResponse res) {
            // not kept
        }

        @Override
        public void removeAuthorizedClient(String id, Authentication p, HttpServletRequest req, HttpServletResponse res) {
            // nothing kept
        }
    }
}
