package dev.vouch.collect.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A WireMock Graph serving the golden "northwind" export (src/test/resources/golden/northwind) as live
 * responses: each saved file at the endpoint it was saved from, users over two pages whose nextLink is
 * rewritten to the mock. Tests override single endpoints with {@link #override}.
 */
final class GraphMock {
    static final Path NORTHWIND = Path.of("src/test/resources/golden/northwind");
    static final String SKIPTOKEN = "RFNwdAIAAQAAABc6";
    static final Map<String, String> FILES = Map.of(
            "/v1.0/organization", "organization.json",
            "/v1.0/reports/authenticationMethods/userRegistrationDetails", "userRegistrationDetails.json",
            "/v1.0/identity/conditionalAccess/policies", "conditionalAccessPolicies.json",
            "/v1.0/roleManagement/directory/roleAssignments", "roleAssignments.json",
            "/v1.0/roleManagement/directory/roleDefinitions", "roleDefinitions.json",
            "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy", "securityDefaults.json",
            "/v1.0/policies/authorizationPolicy", "authorizationPolicy.json",
            "/v1.0/applications", "applications.json");

    private final WireMockServer server;
    private final String base;

    GraphMock(WireMockServer server, String base) {
        this.server = server;
        this.base = base;
    }

    /** Stubs every endpoint with the northwind responses (priority 10, so overrides at 1 win). */
    GraphMock northwind() {
        FILES.forEach((path, file) -> server.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(json(200, read(file)))));
        server.stubFor(usersFirstPage(true).atPriority(10).willReturn(json(200, read("users/users-page1.json"))));
        server.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo(SKIPTOKEN))
                .atPriority(10).willReturn(json(200, read("users/users-page2.json"))));
        return this;
    }

    /** The first users page, with or without {@code signInActivity} in {@code $select}. */
    static MappingBuilder usersFirstPage(boolean signIn) {
        return get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", absent())
                .withQueryParam("$select", signIn ? containing("signInActivity") : notContaining("signInActivity"));
    }

    void override(MappingBuilder request, int status, String body) {
        server.stubFor(request.atPriority(1).willReturn(json(status, body)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A golden file with Graph's host replaced by the mock's, so nextLinks lead back to the mock. */
    String read(String file) {
        try {
            return Files.readString(NORTHWIND.resolve(file)).replace("https://graph.microsoft.com", base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String graphError(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{\"date\":"
                + "\"2026-06-30T12:00:00\",\"request-id\":\"5f0e6b1e-0d1c-4c1a-9e1b-2a3c4d5e6f70\"}}}";
    }
}
