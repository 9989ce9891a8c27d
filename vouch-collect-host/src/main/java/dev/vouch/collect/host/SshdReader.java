package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code linux.sshd}: the effective global sshd configuration, from {@code sshd -T} when it runs,
 * else from /etc/ssh/sshd_config (with Includes) plus the OpenSSH defaults for absent keywords.
 */
final class SshdReader implements AreaReader {
    static final String MAIN = "/etc/ssh/sshd_config";

    /** OpenSSH (9.x) compiled-in defaults for keywords the checks look at; see docs/host.md. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("port", "22");
        d.put("permitrootlogin", "prohibit-password");
        d.put("passwordauthentication", "yes");
        d.put("permitemptypasswords", "no");
        d.put("pubkeyauthentication", "yes");
        d.put("kbdinteractiveauthentication", "yes");
        d.put("hostbasedauthentication", "no");
        d.put("ignorerhosts", "yes");
        d.put("usepam", "no");
        d.put("maxauthtries", "6");
        d.put("maxsessions", "10");
        d.put("logingracetime", "120");
        d.put("clientaliveinterval", "0");
        d.put("clientalivecountmax", "3");
        d.put("x11forwarding", "no");
        d.put("allowtcpforwarding", "yes");
        d.put("allowagentforwarding", "yes");
        d.put("permittunnel", "no");
        d.put("gatewayports", "no");
        d.put("permituserenvironment", "no");
        d.put("loglevel", "INFO");
        d.put("strictmodes", "yes");
        return Map.copyOf(d);
    }

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("sshd", MAIN);
        Optional<String> dashT = ctx.output("sshd", "-T").filter(s -> !s.isBlank());
        FileRead main = ctx.files().read(MAIN);
        boolean binary = ctx.anyExists("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd");
        boolean installed = dashT.isPresent() || binary || !(main instanceof FileRead.Absent);
        b.put("installed", installed);
        if (!installed) {
            return b.put("config", Map.of()).put("matchBlocks", List.of()).build();
        }
        SshdConfigParser.Result parsed = new SshdConfigParser(ctx.files()).parse(MAIN);
        parsed.unreadable().forEach(u -> b.error("sshd configuration could not be read: " + u));
        b.put("matchBlocks", parsed.matchBlocks()).put("files", parsed.files()).problems(parsed.problems());
        if (dashT.isPresent()) {
            return b.put("source", "sshd -T").put("config", fromDashT(dashT.get()))
                    .put("defaultsApplied", List.of()).build();
        }
        Map<String, String> config = new LinkedHashMap<>(parsed.config());
        List<String> applied = new ArrayList<>();
        DEFAULTS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!config.containsKey(e.getKey())) {
                config.put(e.getKey(), e.getValue());
                applied.add(e.getKey());
            }
        });
        return b.put("source", MAIN).put("config", config).put("defaultsApplied", applied).build();
    }

    /** {@code sshd -T} prints one lowercase keyword and its value per line; list keywords repeat. */
    static Map<String, String> fromDashT(String output) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String line : output.split("\r?\n")) {
            List<String> w = Text.words(line);
            if (w.isEmpty()) {
                continue;
            }
            String key = w.get(0).toLowerCase(Locale.ROOT);
            String value = String.join(" ", w.subList(1, w.size()));
            SshdConfigParser.put(config, key, SshdConfigParser.normalizeCase(key, value));
        }
        return config;
    }
}
