package dev.vouch.notify;

import java.net.URI;

/** Keeps secrets out of messages: webhook URL paths/queries and SMTP credentials. */
final class Redact {
    private static final String MASK = "***";

    private Redact() {
    }

    /** {@code text} with the URL, its path and its query replaced by {@code ***}. */
    static String url(String text, URI url) {
        String out = text;
        for (String secret : new String[] {url.toString(), url.getRawPath(), url.getRawQuery(), url.getPath(),
                url.getQuery()}) {
            out = mask(out, secret);
        }
        return out;
    }

    /** Exception class and (redacted) message, for an I/O failure talking to {@code url}. */
    static String exception(Exception e, URI url) {
        String message = e.getMessage() == null ? "" : ": " + url(e.getMessage(), url);
        return e.getClass().getSimpleName() + message;
    }

    /** {@code text} with each non-trivial secret replaced by {@code ***}. */
    static String secrets(String text, String... secrets) {
        String out = text;
        for (String secret : secrets) {
            out = mask(out, secret);
        }
        return out;
    }

    private static String mask(String text, String secret) {
        // One-character paths like "/" are not secret and masking them would garble the message.
        return secret == null || secret.length() < 2 ? text : text.replace(secret, MASK);
    }
}
