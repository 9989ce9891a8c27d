package dev.vouch.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Field validation shared by events and channels. */
final class Fields {
    private Fields() {
    }

    /** Non-blank, and no CR, LF or other control characters (these end up in mail headers). */
    static String oneLine(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("field '" + field
                        + "' must be one line without control characters (CR/LF are refused), was '"
                        + value.replaceAll("\\p{Cntrl}", "\\\\x") + "'");
            }
        }
        return value;
    }

    /** Empty, or an absolute http(s) URL without a trailing slash. */
    static String linkBase(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new IllegalArgumentException("field 'linkBase' must be an absolute http(s) URL, was '"
                        + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("field 'linkBase' is not a URL: " + e.getMessage(), e);
        }
        String trimmed = value.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
