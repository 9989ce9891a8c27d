package dev.vouch.collect.host;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code linux.updates}: unattended-upgrades (Debian/Ubuntu) and dnf-automatic (RHEL-likes). */
final class UpdatesReader implements AreaReader {
    static final String APT_CONF_D = "/etc/apt/apt.conf.d";
    private static final Pattern PERIODIC = Pattern.compile("APT::Periodic::([A-Za-z-]+)\\s+\"([^\"]*)\"\\s*;");

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("updates", APT_CONF_D + "/20auto-upgrades");
        String pm = ctx.anyExists("/usr/bin/apt-get", "/var/lib/dpkg/status") ? "apt"
                : ctx.anyExists("/usr/bin/dnf", "/usr/bin/dnf5") ? "dnf"
                : ctx.anyExists("/usr/bin/yum") ? "yum" : "unknown";
        boolean uuInstalled = ctx.packageInstalled("unattended-upgrades")
                || ctx.anyExists("/usr/bin/unattended-upgrade", "/usr/bin/unattended-upgrades");
        Map<String, String> periodic = aptPeriodic(ctx);
        boolean uuEnabled = uuInstalled && enabledInterval(periodic.get("Unattended-Upgrade"));
        Map<String, Object> dnf = dnfAutomatic(ctx);
        b.put("packageManager", pm)
                .put("unattendedUpgradesInstalled", uuInstalled)
                .put("aptPeriodic", periodic)
                .put("unattendedUpgradesEnabled", uuEnabled)
                .put("dnfAutomatic", dnf)
                .put("automaticUpdates", uuEnabled || Boolean.TRUE.equals(dnf.get("enabled")));
        return b.build();
    }

    /** APT::Periodic settings from apt.conf.d in name order; a later file overrides an earlier one. */
    private static Map<String, String> aptPeriodic(HostContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ctx.files().list(APT_CONF_D)) {
            if (!name.matches("[A-Za-z0-9_.-]+") || name.contains(".dpkg-") || name.endsWith(".bak")) {
                continue;
            }
            String text = String.join("\n", ctx.files().lines(APT_CONF_D + "/" + name));
            Matcher m = PERIODIC.matcher(text.replaceAll("(?m)^\\s*(//|#).*$", ""));
            while (m.find()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }

    /** An APT::Periodic interval is enabled when it is set and not {@code 0}. */
    private static boolean enabledInterval(String v) {
        return v != null && !v.isBlank() && !v.strip().equals("0") && !v.equalsIgnoreCase("false");
    }

    private static Map<String, Object> dnfAutomatic(HostContext ctx) {
        String conf = "/etc/dnf/automatic.conf";
        boolean installed = ctx.packageInstalled("dnf-automatic") || ctx.anyExists(conf, "/usr/bin/dnf-automatic");
        Map<String, String> kv = KeyValues.parse(ctx.files().lines(conf));
        boolean apply = kv.getOrDefault("apply_updates", "no").toLowerCase(Locale.ROOT).matches("yes|true|1|on");
        HostContext.ServiceState notify = ctx.service(List.of("dnf-automatic.timer"), List.of());
        HostContext.ServiceState install = ctx.service(List.of("dnf-automatic-install.timer"), List.of());
        boolean timer = notify.enabled() || notify.active();
        boolean installTimer = install.enabled() || install.active();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("installed", installed);
        m.put("applyUpdates", apply);
        m.put("upgradeType", kv.getOrDefault("upgrade_type", "default"));
        m.put("timerEnabled", timer || installTimer);
        m.put("enabled", installed && (installTimer || timer && apply));
        return m;
    }
}
