package dev.vouch.collect.host;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses sudoers and the files it includes ({@code #include}, {@code @include}, {@code #includedir},
 * {@code @includedir}; relative paths are relative to the including file; an include directory's
 * files are read in name order, skipping names that contain a {@code .} or end in {@code ~}). A
 * file already being read is not read again (cycle guard), and nesting stops at 128 levels as in sudo.
 */
final class SudoersParser {
    private static final int MAX_DEPTH = 128;
    private static final Pattern INCLUDE = Pattern.compile("^[#@](include|includedir)\\s+(.+)$");
    private static final Pattern ALIAS = Pattern.compile("^(User|Runas|Host|Cmnd|Cmd)_Alias\\s.*");
    private static final Pattern DEFAULTS = Pattern.compile("^Defaults([:@!>]\\S+)?(?:\\s+(.*))?$");
    private static final Pattern SETTING = Pattern.compile("^(!*)\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(?:([+-]?=)\\s*(.*))?$");

    private final HostFiles files;
    private final List<Map<String, Object>> rules = new ArrayList<>();
    private final List<Map<String, Object>> defaults = new ArrayList<>();
    private final List<String> read = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private final List<CollectionError> problems = new ArrayList<>();
    private final Set<String> active = new HashSet<>();

    SudoersParser(HostFiles files) {
        this.files = files;
    }

    /** Everything read starting at {@code mainPath}. */
    record Result(List<Map<String, Object>> rules, List<Map<String, Object>> defaults, List<String> files,
            List<String> unreadable, List<CollectionError> problems) {
    }

    Result parse(String mainPath) {
        visit(HostFiles.normalize(mainPath), 0, true);
        return new Result(rules, defaults, read, unreadable, problems);
    }

    private void visit(String path, int depth, boolean required) {
        if (depth > MAX_DEPTH || !active.add(path)) {
            problems.add(problem(path, 0, "include cycle or nesting deeper than " + MAX_DEPTH + "; not read again"));
            return;
        }
        try {
            FileRead r = files.read(path);
            if (r instanceof FileRead.Present p) {
                read.add(path);
                parseFile(path, p.lines(), depth);
            } else if (r instanceof FileRead.Unreadable u) {
                unreadable.add(path + ": " + u.reason());
            } else if (required && depth > 0) {
                problems.add(problem(path, 0, "included file does not exist"));
            }
        } finally {
            active.remove(path);
        }
    }

    private void parseFile(String path, List<String> lines, int depth) {
        for (LogicalLines ll : LogicalLines.join(lines)) {
            String t = ll.text().strip();
            Matcher inc = INCLUDE.matcher(t);
            if (inc.matches()) {
                include(path, inc.group(1).equals("includedir"), Text.unquote(inc.group(2)), depth);
            } else if (t.isEmpty() || t.startsWith("#") && !t.matches("^#\\d+\\s.*")) {
                continue;
            } else {
                entry(path, ll.line(), stripComment(t));
            }
        }
    }

    private void include(String from, boolean dir, String target, int depth) {
        String parent = from.substring(0, from.lastIndexOf('/') + 1);
        String resolved;
        try {
            resolved = HostFiles.normalize(target.startsWith("/") ? target : parent + target);
            files.resolve(resolved);
        } catch (IllegalArgumentException e) {
            problems.add(problem(from, 0, "include '" + target + "' leaves the scanned root; ignored"));
            return;
        }
        if (!dir) {
            visit(resolved, depth + 1, true);
            return;
        }
        for (String name : files.list(resolved)) {
            if (!name.contains(".") && !name.endsWith("~") && !files.isDirectory(resolved + "/" + name)) {
                visit(resolved + "/" + name, depth + 1, false);
            }
        }
    }

    private void entry(String file, int line, String t) {
        Matcher d = DEFAULTS.matcher(t);
        if (d.matches()) {
            defaults(file, line, d.group(1) == null ? "" : d.group(1), d.group(2) == null ? "" : d.group(2));
        } else if (ALIAS.matcher(t).matches()) {
            return;
        } else if (t.contains("=")) {
            rules.add(SudoRule.parse(file, line, t));
        } else {
            problems.add(problem(file, line, "unrecognized sudoers line: " + t));
        }
    }

    private void defaults(String file, int line, String scope, String settings) {
        for (String s : splitSettings(settings)) {
            Matcher m = SETTING.matcher(s.strip());
            if (!m.matches()) {
                problems.add(problem(file, line, "unrecognized Defaults setting: " + s.strip()));
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("file", file);
            d.put("line", (long) line);
            d.put("scope", scope);
            d.put("name", m.group(2));
            d.put("negated", m.group(1).length() % 2 == 1);
            d.put("operator", m.group(3) == null ? "" : m.group(3));
            if (m.group(4) != null) {
                d.put("value", Text.unquote(m.group(4)));
            }
            defaults.add(d);
        }
    }

    /** Splits a Defaults list on commas outside double quotes and not escaped with a backslash. */
    static List<String> splitSettings(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.stream().filter(x -> !x.isBlank()).toList();
    }

    /** Drops a trailing comment: a {@code #} after whitespace that is not a {@code #uid}. */
    private static String stripComment(String t) {
        Matcher m = Pattern.compile("\\s#(?!\\d)").matcher(t);
        return m.find() ? t.substring(0, m.start()).strip() : t;
    }

    private static CollectionError problem(String file, int line, String message) {
        return new CollectionError(new Origin("host", file, line), message);
    }
}
