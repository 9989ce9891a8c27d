package dev.vouch.collect.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code KEY=value} files (shell-style defaults, ufw.conf, firewalld.conf); the last assignment wins. */
final class KeyValues {
    private KeyValues() {
    }

    static Map<String, String> parse(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            String t = line.strip();
            int eq = t.indexOf('=');
            if (t.startsWith("#") || eq <= 0) {
                continue;
            }
            out.put(t.substring(0, eq).strip(), Text.unquote(Text.stripComment(t.substring(eq + 1)).strip()));
        }
        return out;
    }
}
