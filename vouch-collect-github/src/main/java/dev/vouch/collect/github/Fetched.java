package dev.vouch.collect.github;

import java.util.Locale;
import java.util.Map;

/**
 * The result of reading one GitHub API resource, live or from a saved response. {@code location} is
 * the request URL (live) or the export file (offline); it never carries a token.
 */
sealed interface Fetched {
    String location();

    /** A 2xx answer; {@code body} is a plain JSON value (an empty map for 204 No Content). */
    record Ok(Object body, String location) implements Fetched { }

    /** 404: GitHub's {@code message} says why ("Branch not protected", "Not Found" ...). */
    record Missing(String message, String location) implements Fetched { }

    /** 401/403 that is not a rate limit: the token lacks a permission. */
    record Denied(int status, String message, String location) implements Fetched { }

    /** Anything else: transport failure, 5xx after retries, rate limit beyond the wait budget, malformed JSON. */
    record Failed(String message, String location) implements Fetched { }

    /**
     * Classifies a saved GitHub error body ({@code {"message": ..., "documentation_url": ..., "status": "404"}}),
     * or returns null when {@code body} is not one.
     */
    static Fetched fromErrorBody(Object body, String location) {
        if (!(body instanceof Map<?, ?> map) || !(map.get("message") instanceof String message)
                || !(map.containsKey("documentation_url") || map.containsKey("status"))
                || map.containsKey("id") || map.containsKey("login")) {
            return null;
        }
        String status = String.valueOf(map.get("status"));
        String lower = message.toLowerCase(Locale.ROOT);
        if (status.equals("401") || status.equals("403")) {
            return new Denied(Integer.parseInt(status), message, location);
        }
        if (status.equals("404") || lower.contains("not found") || lower.contains("not protected") || lower.contains("disabled")) {
            return new Missing(message, location);
        }
        return new Failed(message, location);
    }

    /** Not saved in an export: the value is unknown, which is not an error of the scan. */
    record Absent(String location) implements Fetched { }

    /** A short description for error messages: {@code 403 Resource not accessible by integration}. */
    default String describe() {
        if (this instanceof Missing m) {
            return "404 " + m.message();
        } else if (this instanceof Denied d) {
            return d.status() + " " + d.message();
        } else if (this instanceof Failed f) {
            return f.message();
        } else if (this instanceof Absent a) {
            return "not in the export: " + a.location();
        }
        return "200";
    }
}
