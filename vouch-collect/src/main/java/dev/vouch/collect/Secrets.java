package dev.vouch.collect;

import java.util.regex.Pattern;

/**
 * Removes credentials from text that reaches users, findings or evidence (service error messages,
 * exception text): bearer tokens and JWTs. One place, so every live collector scrubs the same way.
 */
public final class Secrets {
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");

    private Secrets() {
    }

    /** {@code text} with bearer tokens and JWTs replaced, cut to {@code maxLength} characters (then "…"). */
    public static String redact(String text, int maxLength) {
        String out = JWT.matcher(BEARER.matcher(text).replaceAll("Bearer <redacted>")).replaceAll("<redacted>");
        return out.length() > maxLength ? out.substring(0, maxLength) + "…" : out;
    }
}
