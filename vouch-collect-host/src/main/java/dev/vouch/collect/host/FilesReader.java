package dev.vouch.collect.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code linux.files}: file integrity monitoring (AIDE) and the modes of critical files. */
final class FilesReader implements AreaReader {
    static final List<String> CRITICAL = List.of("/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow",
            "/etc/sudoers", "/etc/ssh/sshd_config", "/etc/crontab");

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("files", "/etc/aide/aide.conf");
        boolean installed = ctx.packageInstalled("aide") || ctx.anyExists("/usr/bin/aide", "/usr/sbin/aide");
        boolean scheduled = ctx.anyExists("/etc/cron.daily/aide", "/etc/cron.daily/dailyaidecheck")
                || ctx.service(List.of("dailyaidecheck.timer", "aidecheck.timer"), List.of()).enabled()
                || ctx.files().lines("/etc/crontab").stream().anyMatch(l -> !l.startsWith("#") && l.contains("aide"));
        Map<String, Object> aide = new LinkedHashMap<>();
        aide.put("installed", installed);
        aide.put("configured", ctx.anyExists("/etc/aide/aide.conf", "/etc/aide.conf"));
        aide.put("database", ctx.anyExists("/var/lib/aide/aide.db", "/var/lib/aide/aide.db.gz"));
        aide.put("scheduled", scheduled);
        Map<String, Object> critical = new LinkedHashMap<>();
        CRITICAL.forEach(p -> critical.put(p, ctx.statMap(p)));
        return b.put("aide", aide).put("critical", critical).build();
    }
}
