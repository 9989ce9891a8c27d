package dev.vouch.collect.host;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses audit rules in auditctl syntax (rules.d files and {@code auditctl -l} output): watches
 * ({@code -w path -p perms -k key}), syscall/filter rules ({@code -a always,exit -F arch=b64 -S ...}),
 * and control lines ({@code -D}, {@code -b}, {@code -f}, {@code -e}). An {@code -a always,exit}
 * rule on {@code -F path=} or {@code -F dir=} is also listed as a watch, since auditd treats both alike.
 */
final class AuditRules {
    private static final Set<String> LISTS = Set.of("exit", "task", "user", "exclude", "filesystem", "io_uring");

    final List<Map<String, Object>> watches = new ArrayList<>();
    final List<Map<String, Object>> syscallRules = new ArrayList<>();
    final Set<String> keys = new LinkedHashSet<>();
    final List<CollectionError> problems = new ArrayList<>();
    boolean deleteAll;
    Long backlog;
    Long failureMode;
    Long enabled;

    void parse(String file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty() || t.startsWith("#") || t.equals("No rules")) {
                continue;
            }
            try {
                line(file, i + 1, Text.quotedWords(t));
            } catch (RuntimeException e) {
                problems.add(new CollectionError(new Origin("host", file, i + 1),
                        "unparseable audit rule '" + t + "': " + e.getMessage()));
            }
        }
    }

    private void line(String file, int line, List<String> w) {
        String opt = w.get(0);
        switch (opt) {
            case "-D" -> deleteAll = true;
            case "-b" -> backlog = number(w);
            case "-f" -> failureMode = number(w);
            case "-e" -> enabled = number(w);
            case "-w" -> watch(file, line, w);
            case "-a", "-A" -> rule(file, line, w);
            default -> {
                // other controls (-r, -i, -c, --backlog_wait_time, --loginuid-immutable, -W) are not used by checks
            }
        }
    }

    private static Long number(List<String> w) {
        if (w.size() < 2) {
            throw new IllegalArgumentException(w.get(0) + " needs a value");
        }
        return Long.parseLong(w.get(1));
    }

    private void watch(String file, int line, List<String> w) {
        Map<String, String> opts = options(w);
        String key = opts.getOrDefault("-k", opts.getOrDefault("-F key", ""));
        addWatch(file, line, opts.get("-w"), opts.getOrDefault("-p", "rwxa"), key, "watch");
    }

    private void addWatch(String file, int line, String path, String perms, String key, String form) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("watch without a path");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        m.put("perms", perms);
        m.put("key", key);
        m.put("form", form);
        m.put("file", file);
        m.put("line", (long) line);
        watches.add(m);
        if (!key.isEmpty()) {
            keys.add(key);
        }
    }

    private void rule(String file, int line, List<String> w) {
        String actionList = w.size() > 1 ? w.get(1) : "";
        String action = "";
        String list = "";
        for (String part : actionList.split(",")) {
            if (LISTS.contains(part)) {
                list = part;
            } else {
                action = part;
            }
        }
        List<String> syscalls = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        String key = "";
        String arch = "";
        for (int i = 2; i + 1 < w.size(); i += 2) {
            String v = w.get(i + 1);
            switch (w.get(i)) {
                case "-S" -> syscalls.addAll(List.of(v.split(",")));
                case "-k" -> key = v;
                case "-F" -> {
                    if (v.startsWith("key=")) {
                        key = v.substring(4);
                    } else if (v.startsWith("arch=")) {
                        arch = v.substring(5);
                    } else {
                        fields.add(v);
                    }
                }
                default -> fields.add(w.get(i) + " " + v);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", action);
        m.put("list", list);
        m.put("arch", arch);
        m.put("syscalls", syscalls);
        m.put("fields", fields);
        m.put("key", key);
        m.put("file", file);
        m.put("line", (long) line);
        syscallRules.add(m);
        if (!key.isEmpty() && action.equals("always")) {
            keys.add(key);
        }
        if (action.equals("always") && list.equals("exit")) {
            pathRuleAsWatch(file, line, fields, key);
        }
    }

    private void pathRuleAsWatch(String file, int line, List<String> fields, String key) {
        String path = null;
        String perms = "rwxa";
        for (String f : fields) {
            if (f.startsWith("path=") || f.startsWith("dir=")) {
                path = f.substring(f.indexOf('=') + 1);
            } else if (f.startsWith("perm=")) {
                perms = f.substring(5);
            }
        }
        if (path != null) {
            addWatch(file, line, path, perms, key, "rule");
        }
    }

    private static Map<String, String> options(List<String> w) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < w.size(); i += 2) {
            String v = w.get(i + 1);
            if (w.get(i).equals("-F") && v.startsWith("key=")) {
                m.put("-F key", v.substring(4));
            } else {
                m.put(w.get(i), v);
            }
        }
        return m;
    }
}
