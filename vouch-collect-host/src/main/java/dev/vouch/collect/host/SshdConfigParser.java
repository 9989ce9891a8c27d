package dev.vouch.collect.host;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses sshd_config the way sshd does for the global view: keywords are case-insensitive, the first
 * value obtained wins (except for list keywords, which accumulate), {@code Include} is expanded in
 * place (globs in the last path component, relative paths relative to /etc/ssh), and {@code Match}
 * blocks are recorded separately without affecting the global view. A Match block ends at the next
 * Match line or at the end of the file it started in.
 */
final class SshdConfigParser {
    static final Set<String> LIST_KEYWORDS = Set.of("acceptenv", "allowgroups", "allowusers", "denygroups",
            "denyusers", "hostkey", "hostcertificate", "listenaddress", "port", "subsystem", "setenv");
    private static final Set<String> LOWER_VALUES = Set.of("yes", "no", "without-password",
            "prohibit-password", "forced-commands-only", "all", "local", "remote", "none", "delayed");
    private static final Set<String> TIME_KEYWORDS = Set.of("clientaliveinterval", "logingracetime");
    private static final int MAX_DEPTH = 16;

    private final HostFiles files;
    private final Map<String, String> global = new LinkedHashMap<>();
    private final List<Map<String, Object>> matchBlocks = new ArrayList<>();
    private final List<String> read = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private final List<CollectionError> problems = new ArrayList<>();
    private final Set<String> active = new HashSet<>();

    SshdConfigParser(HostFiles files) {
        this.files = files;
    }

    record Result(Map<String, String> config, List<Map<String, Object>> matchBlocks, List<String> files,
            List<String> unreadable, List<CollectionError> problems) {
    }

    Result parse(String mainPath) {
        visit(HostFiles.normalize(mainPath), 0, null);
        return new Result(global, matchBlocks, read, unreadable, problems);
    }

    private void visit(String path, int depth, Map<String, Object> match) {
        if (depth > MAX_DEPTH || !active.add(path)) {
            problems.add(new CollectionError(new Origin("host", path, 0), "Include cycle; not read again"));
            return;
        }
        FileRead r = files.read(path);
        if (r instanceof FileRead.Present p) {
            read.add(path);
            parseLines(path, p.lines(), depth, match);
        } else if (r instanceof FileRead.Unreadable u) {
            unreadable.add(path + ": " + u.reason());
        }
        active.remove(path);
    }

    private void parseLines(String path, List<String> lines, int depth, Map<String, Object> outerMatch) {
        Map<String, Object> match = outerMatch;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] kv = t.split("(\\s*=\\s*|\\s+)", 2);
            String key = kv[0].toLowerCase(java.util.Locale.ROOT);
            String value = kv.length > 1 ? String.join(" ", Text.quotedWords(kv[1])) : "";
            if (key.equals("match")) {
                match = newMatch(path, i + 1, value);
            } else if (key.equals("include")) {
                for (String word : Text.quotedWords(value)) {
                    String pattern = word.startsWith("/") ? word : "/etc/ssh/" + word;
                    for (String f : files.glob(pattern)) {
                        visit(f, depth + 1, match);
                    }
                }
            } else {
                @SuppressWarnings("unchecked")
                Map<String, String> target = match == null ? global : (Map<String, String>) match.get("config");
                put(target, key, normalizeValue(key, value, path, i + 1));
            }
        }
    }

    private Map<String, Object> newMatch(String path, int line, String criteria) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("criteria", criteria);
        m.put("file", path);
        m.put("line", (long) line);
        m.put("config", new LinkedHashMap<String, String>());
        matchBlocks.add(m);
        return m;
    }

    static void put(Map<String, String> target, String key, String value) {
        if (LIST_KEYWORDS.contains(key)) {
            target.merge(key, value, (a, b) -> a + " " + b);
        } else {
            target.putIfAbsent(key, value);
        }
    }

    private String normalizeValue(String key, String value, String path, int line) {
        if (TIME_KEYWORDS.contains(key)) {
            try {
                return Long.toString(seconds(value));
            } catch (IllegalArgumentException e) {
                problems.add(new CollectionError(new Origin("host", path, line),
                        key + ": not a time value: '" + value + "'"));
                return value;
            }
        }
        return normalizeCase(key, value);
    }

    static String normalizeCase(String key, String value) {
        if (key.equals("loglevel")) {
            return value.toUpperCase(java.util.Locale.ROOT);
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return LOWER_VALUES.contains(lower) ? lower : value;
    }

    /** sshd time format: {@code 90}, {@code 5m}, {@code 1h30m} (s, m, h, d, w). */
    static long seconds(String value) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (!v.matches("(\\d+[smhdw]?)+")) {
            throw new IllegalArgumentException("not a time value: " + value);
        }
        long total = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([smhdw]?)").matcher(v);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total += switch (m.group(2)) {
                case "m" -> n * 60;
                case "h" -> n * 3600;
                case "d" -> n * 86400;
                case "w" -> n * 604800;
                default -> n;
            };
        }
        return total;
    }
}
