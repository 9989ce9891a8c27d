package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small text helpers shared by the parsers. */
final class Text {
    private Text() {
    }

    static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Splits on runs of whitespace, ignoring leading/trailing blanks. */
    static List<String> words(String s) {
        String t = s.trim();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    /**
     * Splits on whitespace but keeps double-quoted parts together (quotes removed), as sshd_config
     * and audit rules do.
     */
    static List<String> quotedWords(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : s.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    any = false;
                }
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Removes one pair of surrounding double or single quotes. */
    static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Strips a {@code #} comment that starts a line or follows whitespace. */
    static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
