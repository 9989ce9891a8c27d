package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Listening sockets from {@code ss -H -ln{t,u}p} output or from /proc/net/{tcp,udp}{,6}. */
final class Sockets {
    private static final Pattern PROCESS = Pattern.compile("users:\\(\\(\"([^\"]+)\"");

    private Sockets() {
    }

    /** Parses {@code ss -tlnpH}/{@code ss -ulnpH} lines: {@code LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",...))}. */
    static List<Map<String, Object>> fromSs(String protocol, String output) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String line : output.split("\r?\n")) {
            List<String> w = Text.words(line);
            if (w.size() < 5 || w.get(0).equals("State") || w.get(0).equals("Netid")) {
                continue;
            }
            String local = w.get(3);
            int colon = local.lastIndexOf(':');
            Optional<Long> port = Text.parseLong(local.substring(colon + 1));
            if (colon < 0 || port.isEmpty()) {
                continue;
            }
            String address = local.substring(0, colon).replaceAll("^\\[|]$", "").replaceAll("%.*$", "");
            address = address.equals("*") ? "0.0.0.0" : address;
            Matcher m = PROCESS.matcher(line);
            out.add(entry(protocol, address, port.get(), m.find() ? m.group(1) : ""));
        }
        return out;
    }

    /** Parses /proc/net/tcp[6] (state 0A = LISTEN) or /proc/net/udp[6] (state 07 = unconnected). */
    static List<Map<String, Object>> fromProc(String protocol, List<String> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        String wanted = protocol.equals("tcp") ? "0A" : "07";
        for (String line : lines) {
            List<String> w = Text.words(line);
            if (w.size() < 4 || !w.get(3).equalsIgnoreCase(wanted) || !w.get(1).contains(":")) {
                continue;
            }
            String[] local = w.get(1).split(":");
            out.add(entry(protocol, hexAddress(local[0]), Long.parseLong(local[1], 16), ""));
        }
        return out;
    }

    static String hexAddress(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
        }
        int[] groups = new int[8];
        for (int word = 0; word < 4; word++) {
            long v = Long.parseLong(hex.substring(word * 8, word * 8 + 8), 16);
            long le = (v & 0xff) << 24 | (v >> 8 & 0xff) << 16 | (v >> 16 & 0xff) << 8 | (v >> 24 & 0xff);
            groups[word * 2] = (int) (le >> 16);
            groups[word * 2 + 1] = (int) (le & 0xffff);
        }
        return compress(groups);
    }

    /** RFC 5952 text form: lowercase hex, the longest run of two or more zero groups as {@code ::}. */
    private static String compress(int[] g) {
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    private static Map<String, Object> entry(String protocol, String address, long port, String process) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", protocol);
        m.put("address", address);
        m.put("port", port);
        m.put("process", process);
        m.put("loopback", address.startsWith("127.") || address.equals("::1"));
        return m;
    }
}
