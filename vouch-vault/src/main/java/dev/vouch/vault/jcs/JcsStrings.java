package dev.vouch.vault.jcs;

import java.util.Locale;

/** RFC 8785 §3.2.2.2 string serialization (ECMAScript JSON.stringify's minimal escaping). */
final class JcsStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JcsStrings() {
    }

    static void write(StringBuilder out, String s, String path) {
        out.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> i = appendPlain(out, s, i, path);
            }
        }
        out.append('"');
    }

    /** Appends the character at {@code i} (and its low surrogate); returns the last index consumed. */
    private static int appendPlain(StringBuilder out, String s, int i, String path) {
        char c = s.charAt(i);
        if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(i + 1));
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("string at " + path + " holds a lone surrogate U+"
                    + Integer.toHexString(c).toUpperCase(Locale.ROOT) + " at char " + i
                    + "; JSON text must be valid Unicode (RFC 8785 §3.2.2.2)");
        }
        out.append(c);
        return i;
    }
}
