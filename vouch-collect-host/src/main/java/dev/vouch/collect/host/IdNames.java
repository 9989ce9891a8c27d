package dev.vouch.collect.host;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** User and group names by id, from the scanned root's /etc/passwd and /etc/group. */
final class IdNames {
    private final Map<Long, String> users;
    private final Map<Long, String> groups;

    private IdNames(Map<Long, String> users, Map<Long, String> groups) {
        this.users = users;
        this.groups = groups;
    }

    static IdNames load(HostFiles files) {
        return new IdNames(names(files.read("/etc/passwd")), names(files.read("/etc/group")));
    }

    private static Map<Long, String> names(FileRead read) {
        Map<Long, String> m = new HashMap<>();
        if (read instanceof FileRead.Present p) {
            for (String line : p.lines()) {
                List<String> f = List.of(line.split(":", -1));
                if (f.size() >= 3 && !line.startsWith("#")) {
                    Text.parseLong(f.get(2)).ifPresent(id -> m.putIfAbsent(id, f.get(0)));
                }
            }
        }
        return m;
    }

    Optional<String> user(long uid) {
        return Optional.ofNullable(users.get(uid));
    }

    Optional<String> group(long gid) {
        return Optional.ofNullable(groups.get(gid));
    }
}
