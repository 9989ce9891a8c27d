package dev.vouch.report.assessment;

import java.time.Instant;
import java.util.List;

/**
 * One table as RFC 4180 CSV (UTF-8, CRLF, quoted where needed). A text cell that a spreadsheet would
 * take for a formula ({@code = + - @} first, or a tab or CR) gets a leading apostrophe, so opening the
 * file never runs anything (CSV injection).
 */
public final class Csv {
    private Csv() {
    }

    public static String write(ReportTable t) {
        StringBuilder out = new StringBuilder(1 << 16);
        line(out, List.copyOf(t.headers()));
        for (List<Object> row : t.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String field(Object v) {
        if (v instanceof Number n) {
            return n.toString();
        }
        String s = v instanceof Instant t ? t.toString() : String.valueOf(v);
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
