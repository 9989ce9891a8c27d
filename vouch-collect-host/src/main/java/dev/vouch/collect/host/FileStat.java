package dev.vouch.collect.host;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ownership and permissions of a host file.
 *
 * @param mode octal permission bits with setuid/setgid/sticky, e.g. {@code 0640}
 * @param uid owner user id
 * @param gid owner group id
 */
record FileStat(int mode, long uid, long gid) {

    /** {@code 0640}. */
    String octal() {
        return String.format("%04o", mode & 07777);
    }

    /** {@code rw-r-----} (the nine permission bits, as {@code ls -l} shows them without the type). */
    String symbolic() {
        String letters = "rwxrwxrwx";
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            sb.append((mode & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return sb.toString();
    }

    /** The properties map documented in docs/host.md ({@code path, exists, mode, perms, uid, gid, owner, group}). */
    Map<String, Object> toMap(String path, IdNames names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("exists", true);
        m.put("mode", octal());
        m.put("perms", symbolic());
        m.put("uid", uid);
        m.put("gid", gid);
        m.put("owner", names.user(uid).orElse(Long.toString(uid)));
        m.put("group", names.group(gid).orElse(Long.toString(gid)));
        return m;
    }

    static Map<String, Object> missing(String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("exists", false);
        return m;
    }
}
