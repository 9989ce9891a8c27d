package dev.vouch.collect.host;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What an area reader needs: the root's files, a command runner, and lookups built once. */
final class HostContext {
    private static final Set<String> SYSTEMD_STATES =
            Set.of("active", "inactive", "failed", "activating", "deactivating", "reloading");

    private final HostFiles files;
    private final CommandRunner runner;
    private IdNames idNames;
    private Set<String> dpkgInstalled;
    private Set<String> processes;

    HostContext(HostFiles files, CommandRunner runner) {
        this.files = files;
        this.runner = runner;
    }

    HostFiles files() {
        return files;
    }

    IdNames idNames() {
        if (idNames == null) {
            idNames = IdNames.load(files);
        }
        return idNames;
    }

    CommandRunner.CommandResult run(String... argv) {
        return runner.run(List.of(argv), CommandRunner.DEFAULT_TIMEOUT);
    }

    /** Stdout of a command that ran and exited 0. */
    Optional<String> output(String... argv) {
        return run(argv) instanceof CommandRunner.Completed c && c.succeeded()
                ? Optional.of(c.stdout()) : Optional.empty();
    }

    /** A file's stat as the documented map, or {@code {path, exists: false}}. */
    Map<String, Object> statMap(String path) {
        return files.stat(path).map(s -> s.toMap(path, idNames())).orElseGet(() -> FileStat.missing(path));
    }

    /** Whether a Debian package is installed (var/lib/dpkg/status), or on rpm hosts {@code rpm -q} says so. */
    boolean packageInstalled(String name) {
        if (dpkgInstalled == null) {
            dpkgInstalled = DpkgStatus.installed(files.lines("/var/lib/dpkg/status"));
        }
        if (dpkgInstalled.contains(name)) {
            return true;
        }
        return dpkgInstalled.isEmpty() && output("rpm", "-q", name).isPresent();
    }

    /** Whether any of the host paths exists (binaries, config files). */
    boolean anyExists(String... paths) {
        for (String p : paths) {
            if (files.exists(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * State of a service known by one or more unit names ({@code chrony}, {@code chronyd}) and process
     * names: active when systemd says so for any unit or a process with that name runs.
     */
    ServiceState service(List<String> units, List<String> processNames) {
        boolean active = false;
        boolean enabled = false;
        for (String unit : units) {
            String state = output2("systemctl", "is-active", unit);
            active |= state.equals("active");
            String en = output2("systemctl", "is-enabled", unit);
            enabled |= en.equals("enabled") || en.equals("static") || en.equals("alias");
        }
        boolean running = processNames.stream().anyMatch(runningProcesses()::contains);
        return new ServiceState(active || running, enabled);
    }

    /** First stdout line of a command whatever its exit code (systemctl reports state with exit 3). */
    private String output2(String... argv) {
        if (run(argv) instanceof CommandRunner.Completed c) {
            String first = c.stdout().strip().lines().findFirst().orElse("");
            return SYSTEMD_STATES.contains(first) || argv[1].equals("is-enabled") ? first : "";
        }
        return "";
    }

    /** Process names ({@code /proc/<pid>/comm}) of the root's {@code /proc}. */
    Set<String> runningProcesses() {
        if (processes == null) {
            processes = new HashSet<>();
            for (String pid : files.list("/proc")) {
                if (pid.chars().allMatch(Character::isDigit)) {
                    files.lines("/proc/" + pid + "/comm").stream().findFirst()
                            .ifPresent(c -> processes.add(c.trim()));
                }
            }
        }
        return processes;
    }

    record ServiceState(boolean active, boolean enabled) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("active", active);
            m.put("enabled", enabled);
            return m;
        }
    }
}
