package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code linux.accounts}: /etc/passwd, /etc/shadow, /etc/group, /etc/login.defs. */
final class AccountsReader implements AreaReader {
    static final List<String> FILES = List.of("/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow");

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("accounts", "/etc/passwd");
        List<String[]> passwd = entries(ctx.files().read("/etc/passwd"), b, 7);
        List<String[]> shadow = entries(ctx.files().read("/etc/shadow"), b, 2);
        List<String[]> group = entries(ctx.files().read("/etc/group"), b, 3);
        List<Map<String, Object>> users = new ArrayList<>();
        List<String> uid0 = new ArrayList<>();
        List<String> unshadowed = new ArrayList<>();
        Set<String> empty = new LinkedHashSet<>();
        for (String[] f : passwd) {
            long uid = Text.parseLong(f[2]).orElse(-1L);
            users.add(user(f, uid));
            if (uid == 0) {
                uid0.add(f[0]);
            }
            if (!f[1].equals("x")) {
                unshadowed.add(f[0]);
            }
            if (f[1].isEmpty()) {
                empty.add(f[0]);
            }
        }
        for (String[] f : shadow) {
            if (f[1].isEmpty()) {
                empty.add(f[0]);
            }
        }
        b.put("users", users)
                .put("uid0Accounts", uid0)
                .put("emptyPasswordAccounts", List.copyOf(empty))
                .put("unshadowedAccounts", unshadowed)
                .put("duplicateNames", duplicates(passwd, 0))
                .put("duplicateUids", duplicates(passwd, 2))
                .put("duplicateGroupNames", duplicates(group, 0))
                .put("duplicateGids", duplicates(group, 2));
        loginDefs(ctx, b);
        Map<String, Object> files = new LinkedHashMap<>();
        FILES.forEach(p -> files.put(p, ctx.statMap(p)));
        b.put("files", files);
        return b.build();
    }

    /** The colon-separated records of a file; an absent or unreadable file is an error of the resource. */
    private static List<String[]> entries(FileRead read, AreaData.Builder b, int minFields) {
        List<String[]> out = new ArrayList<>();
        if (read instanceof FileRead.Absent a) {
            b.error(a.path() + " does not exist");
        } else if (read instanceof FileRead.Unreadable u) {
            b.error(u.path() + " could not be read: " + u.reason());
        } else if (read instanceof FileRead.Present p) {
            for (String line : p.lines()) {
                String[] f = line.split(":", -1);
                if (!line.isBlank() && !line.startsWith("#") && f.length >= minFields) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static Map<String, Object> user(String[] f, long uid) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("name", f[0]);
        u.put("uid", uid);
        u.put("gid", Text.parseLong(f[3]).orElse(-1L));
        u.put("home", f[5]);
        u.put("shell", f[6]);
        return u;
    }

    private static List<String> duplicates(List<String[]> rows, int field) {
        Map<String, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(r[field], 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private static void loginDefs(HostContext ctx, AreaData.Builder b) {
        Map<String, String> defs = new LinkedHashMap<>();
        for (String line : ctx.files().lines("/etc/login.defs")) {
            List<String> w = Text.words(Text.stripComment(line));
            if (w.size() >= 2) {
                defs.put(w.get(0), w.get(1));
            }
        }
        putInt(b, "passMaxDays", defs.get("PASS_MAX_DAYS"));
        putInt(b, "passMinDays", defs.get("PASS_MIN_DAYS"));
        putInt(b, "passWarnAge", defs.get("PASS_WARN_AGE"));
        putInt(b, "uidMin", defs.get("UID_MIN"));
    }

    private static void putInt(AreaData.Builder b, String key, String value) {
        if (value != null) {
            Text.parseLong(value).ifPresent(v -> b.put(key, v));
        }
    }
}
