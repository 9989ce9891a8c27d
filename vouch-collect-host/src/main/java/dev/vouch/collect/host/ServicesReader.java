package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code linux.services}: listening TCP/UDP sockets and the risky services among them. */
final class ServicesReader implements AreaReader {

    @Override
    public AreaData read(HostContext ctx) {
        AreaData.Builder b = AreaData.builder("services", "/proc/net/tcp");
        List<Map<String, Object>> listening = new ArrayList<>();
        Optional<String> tcp = ctx.output("ss", "-tlnpH");
        Optional<String> udp = ctx.output("ss", "-ulnpH");
        if (tcp.isPresent()) {
            b.put("source", "ss");
            listening.addAll(Sockets.fromSs("tcp", tcp.get()));
            udp.ifPresent(u -> listening.addAll(Sockets.fromSs("udp", u)));
        } else if (ctx.files().exists("/proc/net/tcp")) {
            b.put("source", "/proc/net");
            for (String proto : List.of("tcp", "udp")) {
                listening.addAll(Sockets.fromProc(proto, ctx.files().lines("/proc/net/" + proto)));
                listening.addAll(Sockets.fromProc(proto, ctx.files().lines("/proc/net/" + proto + "6")));
            }
        } else {
            b.error("listening sockets unknown: ss is not available and /proc/net/tcp does not exist");
        }
        List<Map<String, Object>> risky = new ArrayList<>();
        for (Map<String, Object> s : listening) {
            risk((String) s.get("protocol"), (Long) s.get("port")).ifPresent(name -> {
                Map<String, Object> r = new LinkedHashMap<>(s);
                r.put("service", name);
                risky.add(r);
            });
        }
        return b.put("listening", listening).put("riskyServices", risky).build();
    }

    /** Clear-text or unauthenticated services: ftp, telnet, tftp, the r-services and X11. */
    static Optional<String> risk(String protocol, long port) {
        if (protocol.equals("udp")) {
            return port == 69 ? Optional.of("tftp") : Optional.empty();
        }
        if (port >= 6000 && port <= 6063) {
            return Optional.of("x11");
        }
        return Optional.ofNullable(switch ((int) port) {
            case 21 -> "ftp";
            case 23 -> "telnet";
            case 512 -> "rexec";
            case 513 -> "rlogin";
            case 514 -> "rsh";
            default -> null;
        });
    }
}
