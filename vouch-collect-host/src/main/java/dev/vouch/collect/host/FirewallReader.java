package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code linux.firewall}: ufw, nftables, iptables and firewalld. */
final class FirewallReader implements AreaReader {
    private static final Pattern NFT_INPUT = Pattern.compile(
            "type\\s+filter\\s+hook\\s+input\\b[^;]*;\\s*(?:policy\\s+(\\w+)\\s*;?)?");

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("firewall", "/etc/ufw/ufw.conf");
        Map<String, Object> ufw = ufw(ctx);
        Map<String, Object> nft = nftables(ctx);
        Map<String, Object> ipt = iptables(ctx);
        Map<String, Object> fwd = firewalld(ctx);
        List<String> active = new ArrayList<>();
        boolean deny = false;
        for (Map.Entry<String, Map<String, Object>> e : Map.of("ufw", ufw, "nftables", nft, "iptables", ipt,
                "firewalld", fwd).entrySet()) {
            if (Boolean.TRUE.equals(e.getValue().get("active"))) {
                active.add(e.getKey());
                deny |= Boolean.TRUE.equals(e.getValue().get("defaultDeny"));
            }
        }
        active.sort(null);
        return b.put("ufw", ufw).put("nftables", nft).put("iptables", ipt).put("firewalld", fwd)
                .put("active", !active.isEmpty()).put("activeFirewalls", active).put("defaultDeny", deny).build();
    }

    private static Map<String, Object> ufw(HostContext ctx) {
        Map<String, String> conf = KeyValues.parse(ctx.files().lines("/etc/ufw/ufw.conf"));
        Map<String, String> defaults = KeyValues.parse(ctx.files().lines("/etc/default/ufw"));
        boolean installed = ctx.packageInstalled("ufw") || ctx.anyExists("/usr/sbin/ufw", "/etc/ufw/ufw.conf");
        boolean enabled = "yes".equalsIgnoreCase(conf.getOrDefault("ENABLED", "no"));
        String policy = defaults.getOrDefault("DEFAULT_INPUT_POLICY", "DROP").toUpperCase(Locale.ROOT);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("installed", installed);
        m.put("enabled", enabled);
        m.put("defaultInputPolicy", policy);
        m.put("active", installed && enabled);
        m.put("defaultDeny", installed && enabled && (policy.equals("DROP") || policy.equals("REJECT")));
        return m;
    }

    private static Map<String, Object> nftables(HostContext ctx) {
        Optional<String> live = ctx.output("nft", "list", "ruleset");
        HostContext.ServiceState svc = ctx.service(List.of("nftables"), List.of());
        String ruleset = live.orElseGet(() -> String.join("\n", ctx.files().lines("/etc/nftables.conf")));
        List<String> policies = new ArrayList<>();
        Matcher m = NFT_INPUT.matcher(ruleset);
        while (m.find()) {
            policies.add(m.group(1) == null ? "accept" : m.group(1).toLowerCase(Locale.ROOT));
        }
        boolean loaded = live.isPresent() ? !policies.isEmpty() : svc.active() && !policies.isEmpty();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("installed", ctx.packageInstalled("nftables") || ctx.anyExists("/usr/sbin/nft", "/sbin/nft"));
        out.put("source", live.isPresent() ? "nft list ruleset" : "/etc/nftables.conf");
        out.put("serviceActive", svc.active());
        out.put("inputPolicies", policies);
        out.put("active", loaded);
        out.put("defaultDeny", loaded && policies.contains("drop"));
        return out;
    }

    private static Map<String, Object> iptables(HostContext ctx) {
        Optional<String> rules = ctx.output("iptables", "-S");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("available", rules.isPresent());
        String policy = "ACCEPT";
        String lastTarget = "";
        long inputRules = 0;
        for (String line : rules.orElse("").split("\r?\n")) {
            List<String> w = Text.words(line);
            if (w.size() >= 3 && w.get(0).equals("-P") && w.get(1).equals("INPUT")) {
                policy = w.get(2);
            } else if (w.size() >= 2 && w.get(0).equals("-A") && w.get(1).equals("INPUT")) {
                inputRules++;
                int j = w.indexOf("-j");
                boolean catchAll = j == 2 && j + 1 < w.size();
                lastTarget = catchAll ? w.get(j + 1) : "";
            }
        }
        boolean deny = !policy.equals("ACCEPT") || lastTarget.equals("DROP") || lastTarget.equals("REJECT");
        out.put("inputPolicy", policy);
        out.put("inputRules", inputRules);
        out.put("active", rules.isPresent() && (inputRules > 0 || !policy.equals("ACCEPT")));
        out.put("defaultDeny", rules.isPresent() && deny);
        return out;
    }

    private static Map<String, Object> firewalld(HostContext ctx) {
        HostContext.ServiceState svc = ctx.service(List.of("firewalld"), List.of("firewalld"));
        String zone = KeyValues.parse(ctx.files().lines("/etc/firewalld/firewalld.conf"))
                .getOrDefault("DefaultZone", "public");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("installed", ctx.packageInstalled("firewalld") || ctx.anyExists("/usr/sbin/firewalld"));
        out.put("active", svc.active());
        out.put("defaultZone", zone);
        out.put("defaultDeny", svc.active() && !zone.equals("trusted"));
        return out;
    }
}
