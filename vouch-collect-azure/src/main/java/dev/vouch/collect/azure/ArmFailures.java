package dev.vouch.collect.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Messages for failed list calls. They name the status, the ARM error code, the subscription and the
 * missing permission; the ARM error text is shortened and scrubbed of anything token-shaped, and
 * request headers (Authorization) are never read, so no credential can reach a message.
 */
final class ArmFailures {
    private static final int MAX_DETAIL = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArmFailures() {}

    /** The ARM error code of a body {@code {"error":{"code":…}}}, or empty. */
    static String code(String body) {
        return errorField(body, "code");
    }

    static boolean notRegistered(String body) {
        return "MissingSubscriptionRegistration".equalsIgnoreCase(code(body));
    }

    static String denied(int status, String body, ArmListType type, String subscriptionId) {
        return denied(status, body, type.permission(), "subscription " + subscriptionId);
    }

    /** A 401/403 on {@code where} ("subscription s1", "storage account st1 in subscription s1"). */
    static String denied(int status, String body, String permission, String where) {
        String code = code(body);
        if (status == 401) {
            return "401 " + (code.isEmpty() ? "Unauthorized" : code) + ": the credential was not accepted for "
                    + permission + " on " + where + " (check the credential's tenant and expiry)";
        }
        return status + " " + (code.isEmpty() ? "AuthorizationFailed" : code) + ": the credential lacks "
                + permission + " on " + where + " (assign Reader)";
    }

    static String failed(int status, String body, ArmListType type, String subscriptionId, String url) {
        return failed(status, body, "listing " + type.armType() + " in subscription " + subscriptionId, url);
    }

    /** Any other failed status; {@code what} says which call, e.g. "listing X in subscription s1". */
    static String failed(int status, String body, String what, String url) {
        String code = code(body);
        String detail = scrub(errorField(body, "message"));
        return status + (code.isEmpty() ? "" : " " + code) + ": " + what + " failed at " + url
                + (status == 429 || status >= 500 ? " after " + AzureArm.MAX_RETRIES + " retries" : "")
                + (detail.isEmpty() ? "" : ": " + detail);
    }

    /** Shortened, with bearer tokens and JWTs replaced. */
    static String scrub(String text) {
        return dev.vouch.collect.Secrets.redact(text, MAX_DETAIL);
    }

    private static String errorField(String body, String field) {
        try {
            JsonNode node = JSON.readTree(body).path("error").path(field);
            return node.isTextual() ? node.textValue() : "";
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }
}
