package dev.vouch.collect.graph;

import java.util.Map;

/**
 * Messages for failed Graph reads. They name the status, Graph's error code, the endpoint and the
 * missing application permission; Graph's error text is shortened and scrubbed of anything
 * token-shaped, and request headers (Authorization) are never read, so no credential reaches a message.
 */
final class GraphFailures {
    private static final int MAX_DETAIL = 300;

    private GraphFailures() {
    }

    static boolean denied(int status) {
        return status == 401 || status == 403;
    }

    static String denied(int status, String body, GraphEndpoint endpoint) {
        String code = code(body);
        if (status == 401) {
            return "401 " + (code.isEmpty() ? "Unauthorized" : code) + ": the credential was not accepted for "
                    + endpoint.label() + " (check the app's tenant and secret/certificate expiry); "
                    + "this data is unresolved, checks on it are UNKNOWN";
        }
        return status + " " + (code.isEmpty() ? "Forbidden" : code) + ": the app lacks the Graph application permission "
                + endpoint.permission() + " for " + endpoint.label() + " (grant it with admin consent); "
                + "this data is unresolved, checks on it are UNKNOWN" + detail(body);
    }

    static String signInRefused(int status, String body) {
        String code = code(body);
        return status + " " + (code.isEmpty() ? "Forbidden" : code) + ": users were read without signInActivity, "
                + "which needs the Graph application permission AuditLog.Read.All and Microsoft Entra ID P1 or P2; "
                + "last sign-in is unresolved, checks on it are UNKNOWN" + detail(body);
    }

    static String failed(int status, String body, GraphEndpoint endpoint, String url) {
        String code = code(body);
        return status + (code.isEmpty() ? "" : " " + code) + ": reading " + endpoint.label() + " failed at " + url
                + (status == 429 || status == 503 || status == 504 ? " after " + GraphApi.MAX_RETRIES + " retries" : "")
                + "; this data is unresolved" + detail(body);
    }

    static String malformed(String url, String reason) {
        return "malformed JSON from " + url + ": " + scrub(reason) + "; this data is unresolved";
    }

    static String unexpected(String url, String what) {
        return "unexpected Graph response from " + url + ": " + what + "; this data is unresolved";
    }

    /** Shortened, with bearer tokens and JWTs replaced. */
    static String scrub(String text) {
        return dev.vouch.collect.Secrets.redact(text, MAX_DETAIL);
    }

    private static String detail(String body) {
        String message = scrub(errorField(body, "message"));
        return message.isEmpty() ? "" : ": " + message;
    }

    private static String code(String body) {
        return scrub(errorField(body, "code"));
    }

    /** Graph errors are {@code {"error":{"code":…,"message":…}}}. */
    private static String errorField(String body, String field) {
        try {
            return GraphJson.parse(body) instanceof Map<?, ?> root && root.get("error") instanceof Map<?, ?> error
                    && error.get(field) instanceof String s ? s : "";
        } catch (GraphJson.Malformed e) {
            return "";
        }
    }
}
