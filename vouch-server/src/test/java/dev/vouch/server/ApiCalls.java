package dev.vouch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Calls any /api/v1 route as a real client would: real ids in the path (an existing account and token), a valid body
 * for writes, so that a refusal cannot be a 400 or 404 in disguise.
 *
 * @param victimId an existing account that is not the caller's
 * @param victimTokenId an existing, unrevoked token of that account
 */
record ApiCalls(ServerFixture f, long victimId, String victimTokenId) {

    HttpResponse<String> call(Routes.Route r, String token) {
        return send(request(r, token).build());
    }

    static HttpResponse<String> send(HttpRequest req) {
        try {
            return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(Routes.Route r, String token) {
        String url = f.base + r.fill(v -> pathValue(r, v)) + (r.path().equals("/api/v1/resource") ? "?id=x" : "");
        HttpRequest.Builder b;
        if (r.path().equals("/api/v1/evidence") && r.method().equals("POST")) {
            b = Multipart.evidence("VC-GOV-01", "policy.txt", "approved".getBytes(StandardCharsets.UTF_8), Map.of()).post(url);
        } else {
            String body = body(r);
            b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            b.method(r.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    String pathValue(Routes.Route r, String variable) {
        String p = r.path();
        if (p.startsWith("/api/v1/users/tokens/") || p.startsWith("/api/v1/me/tokens/")) {
            return victimTokenId; // for /me/tokens someone else's token: refused before the owner check
        } else if (p.startsWith("/api/v1/users/")) {
            return Long.toString(victimId);
        } else if (p.startsWith("/api/v1/criteria/")) {
            return "CC6.1";
        } else if (p.startsWith("/api/v1/controls/")) {
            return "VC-IAM-01";
        } else if (p.startsWith("/api/v1/checks/")) {
            return "AZ-IAM-001";
        } else if (p.startsWith("/api/v1/scans/") || p.startsWith("/api/v1/scan-jobs/")) {
            return "1";
        } else if (p.startsWith("/api/v1/exceptions/")) {
            return variable.equals("id") ? Long.toString(f.exceptionRequest()) : "approve";
        }
        throw new AssertionError(r + ": give a real value for {" + variable + "} in ApiCalls.pathValue");
    }

    static String body(Routes.Route r) {
        if (!r.isWrite() || r.method().equals("DELETE")) {
            return null;
        }
        return switch (r.path()) {
            case "/api/v1/users" -> "{\"username\":\"newcomer\",\"role\":\"editor\",\"password\":\"" + ServerFixture.PASSWORD + "\"}";
            case "/api/v1/me/tokens" -> "{\"name\":\"CI pipeline\",\"scope\":\"read\"}";
            case "/api/v1/exceptions" -> "{\"check\":\"AZ-STG-003\",\"resource\":\"*\",\"reason\":\"accepted until the migration\","
                    + "\"expires\":\"" + java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30) + "\"}";
            case "/api/v1/users/{id}/password" -> "{\"password\":\"another long pass phrase\"}";
            case "/api/v1/users/{id}/role" -> "{\"role\":\"viewer\"}";
            default -> null;
        };
    }
}
