package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code linux.auditd}: the audit daemon, its loaded (or configured) rules and auditd.conf. */
final class AuditdReader implements AreaReader {
    static final String CONF = "/etc/audit/auditd.conf";
    static final String RULES_D = "/etc/audit/rules.d";
    static final String AUDIT_RULES = "/etc/audit/audit.rules";

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("auditd", CONF);
        boolean installed = ctx.packageInstalled("auditd") || ctx.packageInstalled("audit")
                || ctx.anyExists("/sbin/auditd", "/usr/sbin/auditd", CONF);
        HostContext.ServiceState svc = ctx.service(List.of("auditd"), List.of("auditd"));
        b.put("installed", installed).put("active", svc.active()).put("enabled", svc.enabled());
        AuditRules rules = new AuditRules();
        Optional<String> loaded = ctx.output("auditctl", "-l");
        if (loaded.isPresent()) {
            b.put("rulesSource", "auditctl -l");
            rules.parse("auditctl -l", List.of(loaded.get().split("\r?\n")));
            ctx.output("auditctl", "-s").flatMap(AuditdReader::enabledFromStatus).ifPresent(e -> rules.enabled = e);
        } else {
            b.put("rulesSource", readRuleFiles(ctx, rules, b));
        }
        b.put("watches", rules.watches).put("syscallRules", rules.syscallRules)
                .put("keys", List.copyOf(rules.keys)).put("deleteAll", rules.deleteAll)
                .put("immutable", rules.enabled != null && rules.enabled == 2L).problems(rules.problems);
        putIfSet(b, "backlog", rules.backlog);
        putIfSet(b, "failureMode", rules.failureMode);
        putIfSet(b, "enabledFlag", rules.enabled);
        auditdConf(ctx, b);
        return b.build();
    }

    /** rules.d/*.rules in name order (what augenrules loads), else audit.rules; returns the source named. */
    private static String readRuleFiles(HostContext ctx, AuditRules rules, AreaData.Builder b) {
        List<String> files = new ArrayList<>();
        ctx.files().list(RULES_D).stream().filter(n -> n.endsWith(".rules")).forEach(n -> files.add(RULES_D + "/" + n));
        if (files.isEmpty()) {
            files.add(AUDIT_RULES);
        }
        for (String f : files) {
            FileRead r = ctx.files().read(f);
            if (r instanceof FileRead.Present p) {
                rules.parse(f, p.lines());
            } else if (r instanceof FileRead.Unreadable u) {
                b.error("audit rules could not be read: " + u.path() + ": " + u.reason());
            }
        }
        return files.size() == 1 && files.get(0).equals(AUDIT_RULES) ? AUDIT_RULES : RULES_D;
    }

    static Optional<Long> enabledFromStatus(String status) {
        for (String line : status.split("\r?\n")) {
            List<String> w = Text.words(line);
            if (w.size() >= 2 && w.get(0).equals("enabled")) {
                return Text.parseLong(w.get(1));
            }
        }
        return Optional.empty();
    }

    private static void putIfSet(AreaData.Builder b, String key, Long value) {
        if (value != null) {
            b.put(key, value);
        }
    }

    private static void auditdConf(HostContext ctx, AreaData.Builder b) {
        FileRead conf = ctx.files().read(CONF);
        if (conf instanceof FileRead.Unreadable u) {
            b.error(CONF + " could not be read: " + u.reason());
            return;
        }
        Map<String, String> keys = Map.of("max_log_file_action", "maxLogFileAction",
                "space_left_action", "spaceLeftAction", "admin_space_left_action", "adminSpaceLeftAction",
                "disk_full_action", "diskFullAction");
        for (String line : ctx.files().lines(CONF)) {
            String t = Text.stripComment(line);
            int eq = t.indexOf('=');
            if (eq > 0) {
                String key = t.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = t.substring(eq + 1).strip();
                if (keys.containsKey(key)) {
                    b.put(keys.get(key), value.toLowerCase(Locale.ROOT));
                } else if (key.equals("max_log_file") || key.equals("num_logs")) {
                    Text.parseLong(value).ifPresent(v -> b.put(key.equals("num_logs") ? "numLogs" : "maxLogFile", v));
                }
            }
        }
    }
}
