package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code linux.sudoers}: /etc/sudoers and everything it includes. */
final class SudoersReader implements AreaReader {
    static final String MAIN = "/etc/sudoers";

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("sudoers", MAIN);
        FileRead main = ctx.files().read(MAIN);
        boolean installed = !(main instanceof FileRead.Absent);
        b.put("installed", installed);
        if (!installed) {
            return b.build();
        }
        SudoersParser.Result r = new SudoersParser(ctx.files()).parse(MAIN);
        r.unreadable().forEach(u -> b.error("sudoers file could not be read: " + u));
        List<Map<String, Object>> global = r.defaults().stream().filter(d -> "".equals(d.get("scope"))).toList();
        b.put("rules", r.rules())
                .put("defaults", r.defaults())
                .put("nopasswdRules", locations(r.rules().stream().filter(x -> (Boolean) x.get("nopasswd")).toList()))
                .put("noAuthenticate", locations(r.defaults().stream()
                        .filter(d -> "authenticate".equals(d.get("name")) && (Boolean) d.get("negated")).toList()))
                .put("usePty", last(global, "use_pty").map(d -> !(Boolean) d.get("negated")).orElse(false));
        last(global, "logfile").filter(d -> !(Boolean) d.get("negated") && d.containsKey("value"))
                .ifPresent(d -> b.put("logfile", d.get("value")));
        List<Map<String, Object>> files = new ArrayList<>();
        r.files().forEach(f -> files.add(ctx.statMap(f)));
        return b.put("files", files).problems(r.problems()).build();
    }

    private static Optional<Map<String, Object>> last(List<Map<String, Object>> defaults, String name) {
        Map<String, Object> found = null;
        for (Map<String, Object> d : defaults) {
            if (name.equals(d.get("name"))) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<String> locations(List<Map<String, Object>> entries) {
        return entries.stream().map(e -> e.get("file") + ":" + e.get("line")).toList();
    }
}
