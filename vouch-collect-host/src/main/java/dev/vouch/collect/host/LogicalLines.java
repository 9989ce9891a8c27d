package dev.vouch.collect.host;

import java.util.ArrayList;
import java.util.List;

/** Joins lines ending in a backslash with the next one, keeping the first line's number. */
record LogicalLines(int line, String text) {

    static List<LogicalLines> join(List<String> lines) {
        List<LogicalLines> out = new ArrayList<>();
        StringBuilder cur = null;
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (cur == null) {
                cur = new StringBuilder();
                start = i + 1;
            }
            boolean continued = l.endsWith("\\") && !l.endsWith("\\\\");
            cur.append(continued ? l.substring(0, l.length() - 1) : l);
            if (!continued) {
                out.add(new LogicalLines(start, cur.toString()));
                cur = null;
            } else {
                cur.append(' ');
            }
        }
        if (cur != null) {
            out.add(new LogicalLines(start, cur.toString()));
        }
        return out;
    }
}
