package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One sudoers user specification, e.g. {@code %sudo ALL=(ALL:ALL) NOPASSWD: ALL}, as a properties map. */
final class SudoRule {
    private static final Pattern TAGS = Pattern.compile(
            "^\\s*(?:(?:NO)?(?:PASSWD|EXEC|SETENV|LOG_INPUT|LOG_OUTPUT|MAIL|FOLLOW|INTERCEPT)\\s*:"
                    + "|(?:CWD|CHROOT|ROLE|TYPE|TIMEOUT|NOTBEFORE|NOTAFTER)=\\S+)\\s*");
    private static final Pattern NOPASSWD = Pattern.compile("\\bNOPASSWD\\s*:");

    private SudoRule() {
    }

    static Map<String, Object> parse(String file, int line, String text) {
        int eq = text.indexOf('=');
        List<String> left = Text.words(text.substring(0, eq).replaceAll("\\s*,\\s*", ","));
        String users = left.isEmpty() ? "" : left.get(0);
        String hosts = left.size() > 1 ? String.join(" ", left.subList(1, left.size())) : "";
        String rhs = text.substring(eq + 1).strip();
        String runas = "";
        if (rhs.startsWith("(")) {
            int close = rhs.indexOf(')');
            runas = close > 0 ? rhs.substring(1, close).strip() : "";
            rhs = close > 0 ? rhs.substring(close + 1) : rhs;
        }
        String commands = stripTags(rhs);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", file);
        r.put("line", (long) line);
        r.put("users", users);
        r.put("hosts", hosts);
        r.put("runas", runas);
        r.put("commands", commands);
        r.put("nopasswd", NOPASSWD.matcher(text).find());
        r.put("allCommands", commandList(commands).contains("ALL"));
        r.put("text", text);
        return r;
    }

    private static String stripTags(String rhs) {
        String s = rhs;
        Matcher m = TAGS.matcher(s);
        while (m.find()) {
            s = s.substring(m.end());
            m = TAGS.matcher(s);
        }
        return s.strip();
    }

    /** The commands of the first host clause, split on commas. */
    private static List<String> commandList(String commands) {
        String first = commands.split("\\s:\\s", 2)[0];
        List<String> out = new ArrayList<>();
        for (String c : first.split(",")) {
            out.add(stripTags(c.strip().replaceFirst("^\\([^)]*\\)", "")));
        }
        return out;
    }
}
