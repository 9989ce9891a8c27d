package dev.vouch.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * An OpenID Connect provider on loopback, shaped like Microsoft Entra ID's v2.0 endpoints: discovery document, JWKS,
 * an authorization endpoint that sends the browser straight back with a code ({@code c-<nonce>}) and the state, and a token endpoint
 * returning an RS256-signed ID token made by the test for that code.
 */
final class TestIdp implements AutoCloseable {
    static final String CLIENT_ID = "5d2f1a7e-0000-4000-8000-00000000c11e";
    static final String SECRET = "test-client-secret"; // as in the surefire configuration (VOUCH_TEST_OIDC_SECRET)
    static final String TENANT = "/0a1b2c3d-tenant";
    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final RSAKey key;
    final RSAKey otherKey;
    /** When set, every ID token names this subject (another person carrying a known user name). */
    volatile String forcedSubject;

    /** What an ID token says; the test changes one thing at a time. */
    record Claims(String issuer, String audience, String username, List<String> amr, Instant issuedAt, String nonce) {
        Claims withIssuer(String i) {
            return new Claims(i, audience, username, amr, issuedAt, nonce);
        }

        Claims withAudience(String a) {
            return new Claims(issuer, a, username, amr, issuedAt, nonce);
        }
    }

    TestIdp() {
        try {
            key = new RSAKeyGenerator(2048).keyID("k1").generate();
            otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.start();
        server.stubFor(get(urlPathEqualTo(TENANT + "/v2.0/.well-known/openid-configuration")).willReturn(okJson(discovery())));
        server.stubFor(get(urlPathEqualTo(TENANT + "/discovery/v2.0/keys"))
                .willReturn(okJson(new JWKSet(key.toPublicJWK()).toString())));
        server.stubFor(get(urlPathEqualTo(TENANT + "/oauth2/v2.0/authorize")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{{request.query.redirect_uri}}}?code=c-{{{request.query.nonce}}}"
                        + "&state={{{urlEncode request.query.state}}}")
                .withTransformers("response-template")));
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    String issuer() {
        return base() + TENANT + "/v2.0";
    }

    String tokenPath() {
        return TENANT + "/oauth2/v2.0/token";
    }

    private String discovery() {
        String t = base() + TENANT;
        return "{\"issuer\":\"" + issuer() + "\",\"authorization_endpoint\":\"" + t + "/oauth2/v2.0/authorize\","
                + "\"token_endpoint\":\"" + t + "/oauth2/v2.0/token\",\"jwks_uri\":\"" + t + "/discovery/v2.0/keys\","
                + "\"response_types_supported\":[\"code\",\"id_token\",\"code id_token\"],"
                + "\"response_modes_supported\":[\"query\",\"fragment\",\"form_post\"],\"subject_types_supported\":[\"pairwise\"],"
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"scopes_supported\":[\"openid\",\"profile\",\"email\","
                + "\"offline_access\"],\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"private_key_jwt\","
                + "\"client_secret_basic\"],\"claims_supported\":[\"sub\",\"iss\",\"aud\",\"exp\",\"iat\",\"nonce\","
                + "\"preferred_username\",\"name\",\"amr\"],\"code_challenge_methods_supported\":[\"plain\",\"S256\"]}";
    }

    /** Makes the token endpoint answer {@code code} with {@code idToken}. */
    void answer(String code, String idToken) {
        server.stubFor(post(urlPathEqualTo(tokenPath())).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"scope\":\"openid profile email\",\"expires_in\":3600,"
                        + "\"access_token\":\"not-used-by-vouch\",\"id_token\":\"" + idToken + "\"}")));
    }

    /** An ID token signed with the provider's key (or another key with the same key id). */
    String idToken(Claims c, boolean rightKey) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(c.issuer()).audience(c.audience())
                .subject(forcedSubject != null ? forcedSubject : "sub-" + c.username().hashCode()).issueTime(Date.from(c.issuedAt()))
                .notBeforeTime(Date.from(c.issuedAt())).expirationTime(Date.from(c.issuedAt().plusSeconds(3600)))
                .claim("nonce", c.nonce()).claim("preferred_username", c.username()).claim("name", "Test " + c.username())
                .claim("tid", TENANT.substring(1)).claim("ver", "2.0");
        if (c.amr() != null) {
            b.claim("amr", c.amr());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), b.build());
        try {
            jwt.sign(new RSASSASigner(rightKey ? key : otherKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The token's claims replaced by {@code other}'s, the signature kept: a tampered token. */
    static String tampered(String signed, String other) {
        String[] a = signed.split("\\.");
        String[] b = other.split("\\.");
        return a[0] + "." + b[1] + "." + a[2];
    }

    /** The form-encoded body of the token requests received, decoded. */
    List<Map<String, String>> tokenRequests() {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo(tokenPath())))
                .stream().map(r -> OidcSignInTest.query(r.getBodyAsString())).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
