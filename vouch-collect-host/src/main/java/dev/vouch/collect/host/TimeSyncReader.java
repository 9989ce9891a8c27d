package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code linux.time_sync}: chrony, systemd-timesyncd and ntpd/ntpsec. */
final class TimeSyncReader implements AreaReader {

    /** One time daemon: how to recognise it and where its servers are configured. */
    private record Daemon(String name, List<String> packages, List<String> binaries, List<String> units,
            List<String> processes, List<String> configGlobs) {
    }

    private static final List<Daemon> DAEMONS = List.of(
            new Daemon("chrony", List.of("chrony"), List.of("/usr/sbin/chronyd", "/sbin/chronyd"),
                    List.of("chrony", "chronyd"), List.of("chronyd"),
                    List.of("/etc/chrony/chrony.conf", "/etc/chrony.conf", "/etc/chrony/conf.d/*.conf",
                            "/etc/chrony/sources.d/*.sources")),
            new Daemon("systemd-timesyncd", List.of("systemd-timesyncd"),
                    List.of("/lib/systemd/systemd-timesyncd", "/usr/lib/systemd/systemd-timesyncd"),
                    List.of("systemd-timesyncd"), List.of("systemd-timesyn"),
                    List.of("/etc/systemd/timesyncd.conf", "/etc/systemd/timesyncd.conf.d/*.conf")),
            new Daemon("ntpd", List.of("ntp", "ntpsec"), List.of("/usr/sbin/ntpd", "/sbin/ntpd"),
                    List.of("ntp", "ntpd", "ntpsec"), List.of("ntpd"),
                    List.of("/etc/ntp.conf", "/etc/ntpsec/ntp.conf")));

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("time_sync", "/etc/chrony/chrony.conf");
        Map<String, Object> impls = new LinkedHashMap<>();
        List<String> activeNames = new ArrayList<>();
        List<String> activeServers = new ArrayList<>();
        for (Daemon d : DAEMONS) {
            boolean installed = d.packages().stream().anyMatch(ctx::packageInstalled)
                    || ctx.anyExists(d.binaries().toArray(String[]::new));
            HostContext.ServiceState svc = ctx.service(d.units(), d.processes());
            List<String> servers = servers(ctx, d);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("installed", installed);
            m.putAll(svc.toMap());
            m.put("servers", servers);
            impls.put(d.name(), m);
            if (svc.active()) {
                activeNames.add(d.name());
                activeServers.addAll(servers);
            }
        }
        return b.put("implementations", impls).put("active", !activeNames.isEmpty())
                .put("activeServices", activeNames).put("servers", activeServers).build();
    }

    private static List<String> servers(HostContext ctx, Daemon d) {
        List<String> out = new ArrayList<>();
        for (String glob : d.configGlobs()) {
            for (String file : ctx.files().glob(glob)) {
                for (String line : ctx.files().lines(file)) {
                    addServers(out, Text.stripComment(line).strip(), d.name().equals("systemd-timesyncd"));
                }
            }
        }
        return out;
    }

    private static void addServers(List<String> out, String t, boolean timesyncd) {
        if (timesyncd) {
            if (t.startsWith("NTP=")) {
                out.addAll(Text.words(t.substring(4)));
            }
            return;
        }
        List<String> w = Text.words(t);
        if (w.size() >= 2 && List.of("server", "pool", "peer").contains(w.get(0))) {
            out.add(w.get(1));
        }
    }
}
