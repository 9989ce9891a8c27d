package dev.vouch.collect.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a raw template (the body of a quoted string or heredoc) into literal text, {@code ${...}}
 * interpolations and {@code %{if}/%{for}} directives, and builds the {@link Expr.Template} tree.
 */
final class TemplateParser {
    private static final Pattern FOR = Pattern.compile("for\\s+([A-Za-z_][\\w-]*)(?:\\s*,\\s*([A-Za-z_][\\w-]*))?\\s+in\\s+(.+)", Pattern.DOTALL);

    private sealed interface Seg {}

    private record Lit(String text) implements Seg {}

    private record Interp(Expr expr) implements Seg {}

    private record Directive(String text, int line, int column) implements Seg {}

    private final String src;
    private final boolean quoted;
    private int pos;
    private int line;
    private int col;
    private boolean trimNext;
    private final List<Seg> segs = new ArrayList<>();
    private final StringBuilder lit = new StringBuilder();

    private TemplateParser(String src, int line, int col, boolean quoted) {
        this.src = src;
        this.line = line;
        this.col = col;
        this.quoted = quoted;
    }

    static Expr.Template parse(String src, int line, int col, boolean quoted) {
        TemplateParser tp = new TemplateParser(src, line, col, quoted);
        tp.scan();
        int[] index = {0};
        Expr.Template t = tp.build(index, line, List.of());
        if (index[0] < tp.segs.size()) {
            Directive d = (Directive) tp.segs.get(index[0]);
            throw new HclSyntaxException("unexpected template directive %{" + d.text() + "}", d.line(), d.column());
        }
        return t;
    }

    /** Decodes escapes in a string that may not contain interpolations (block labels). */
    static String unescape(String raw, int line, int col) {
        TemplateParser tp = new TemplateParser(raw, line, col, true);
        tp.scan();
        if (tp.segs.size() > 1 || (tp.segs.size() == 1 && !(tp.segs.get(0) instanceof Lit))) {
            throw new HclSyntaxException("block labels cannot contain template sequences", line, col);
        }
        return tp.segs.isEmpty() ? "" : ((Lit) tp.segs.get(0)).text();
    }

    private void scan() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (quoted && c == '\\') {
                escape();
            } else if (src.startsWith("$${", pos) || src.startsWith("%%{", pos)) {
                append(src.substring(pos + 1, pos + 3));
                advance(3);
            } else if (src.startsWith("${", pos) || src.startsWith("%{", pos)) {
                sequence(c == '$');
            } else {
                append(String.valueOf(c));
                advance(1);
            }
        }
        flush();
    }

    private void append(String s) {
        if (trimNext) {
            s = s.stripLeading();
            if (s.isEmpty()) {
                return;
            }
            trimNext = false;
        }
        lit.append(s);
    }

    private void escape() {
        if (pos + 1 >= src.length()) {
            throw new HclSyntaxException("incomplete escape sequence", line, col);
        }
        char e = src.charAt(pos + 1);
        switch (e) {
            case 'n' -> { append("\n"); advance(2); }
            case 't' -> { append("\t"); advance(2); }
            case 'r' -> { append("\r"); advance(2); }
            case '"' -> { append("\""); advance(2); }
            case '\\' -> { append("\\"); advance(2); }
            case 'u', 'U' -> unicode(e == 'u' ? 4 : 8);
            default -> throw new HclSyntaxException("invalid escape sequence \\" + e, line, col);
        }
    }

    private void unicode(int digits) {
        if (pos + 2 + digits > src.length()) {
            throw new HclSyntaxException("incomplete unicode escape", line, col);
        }
        try {
            int cp = Integer.parseInt(src.substring(pos + 2, pos + 2 + digits), 16);
            append(new String(Character.toChars(cp)));
        } catch (IllegalArgumentException ex) {
            throw new HclSyntaxException("invalid unicode escape", line, col);
        }
        advance(2 + digits);
    }

    private void sequence(boolean interpolation) {
        int l = line;
        int c = col;
        advance(2);
        int start = pos;
        int depth = 1;
        while (depth > 0) {
            if (pos >= src.length()) {
                throw new HclSyntaxException("unterminated template sequence", l, c);
            }
            char ch = src.charAt(pos);
            if (ch == '"') {
                skipString(l, c);
                continue;
            }
            depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            advance(1);
        }
        String inner = src.substring(start, pos - 1);
        int innerCol = c + 2;
        if (inner.startsWith("~")) {
            inner = inner.substring(1);
            innerCol++;
            int len = lit.length();
            while (len > 0 && Character.isWhitespace(lit.charAt(len - 1))) {
                len--;
            }
            lit.setLength(len);
        }
        boolean trimAfter = inner.endsWith("~");
        if (trimAfter) {
            inner = inner.substring(0, inner.length() - 1);
        }
        flush();
        segs.add(interpolation ? new Interp(Parser.parseExpression(inner, l, innerCol))
                : new Directive(inner.strip(), l, c));
        trimNext = trimAfter;
    }

    private void skipString(int l, int c) {
        advance(1);
        while (pos < src.length() && src.charAt(pos) != '"') {
            advance(src.charAt(pos) == '\\' ? 2 : 1);
        }
        if (pos >= src.length()) {
            throw new HclSyntaxException("unterminated string in template sequence", l, c);
        }
        advance(1);
    }

    private void flush() {
        if (lit.length() > 0) {
            segs.add(new Lit(lit.toString()));
            lit.setLength(0);
        }
    }

    private void advance(int n) {
        for (int i = 0; i < n && pos < src.length(); i++) {
            if (src.charAt(pos) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            pos++;
        }
    }

    /** Builds parts until one of {@code stops} (a directive keyword) or the end. */
    private Expr.Template build(int[] i, int startLine, List<String> stops) {
        List<Expr> parts = new ArrayList<>();
        while (i[0] < segs.size()) {
            Seg s = segs.get(i[0]);
            if (s instanceof Lit l) {
                parts.add(new Expr.Literal(l.text(), startLine));
            } else if (s instanceof Interp in) {
                parts.add(in.expr());
            } else {
                Directive d = (Directive) s;
                String word = d.text().split("\\s+", 2)[0];
                if (stops.contains(word)) {
                    return new Expr.Template(parts, startLine);
                }
                i[0]++;
                parts.add(directive(d, word, i));
                continue;
            }
            i[0]++;
        }
        if (!stops.isEmpty()) {
            throw new HclSyntaxException("missing %{" + stops.get(stops.size() - 1) + "}", startLine, 1);
        }
        return new Expr.Template(parts, startLine);
    }

    private Expr directive(Directive d, String word, int[] i) {
        switch (word) {
            case "if": {
                Expr cond = Parser.parseExpression(d.text().substring(2), d.line(), d.column() + 4);
                Expr.Template then = build(i, d.line(), List.of("else", "endif"));
                Expr.Template otherwise = new Expr.Template(List.of(), d.line());
                if (((Directive) segs.get(i[0])).text().equals("else")) {
                    i[0]++;
                    otherwise = build(i, d.line(), List.of("endif"));
                }
                i[0]++;
                return new Expr.TemplateIf(cond, then, otherwise, d.line());
            }
            case "for": {
                Matcher m = FOR.matcher(d.text());
                if (!m.matches()) {
                    throw new HclSyntaxException("malformed %{for} directive", d.line(), d.column());
                }
                Expr coll = Parser.parseExpression(m.group(3), d.line(), d.column());
                Expr.Template body = build(i, d.line(), List.of("endfor"));
                i[0]++;
                String keyVar = m.group(2) == null ? null : m.group(1);
                String valueVar = m.group(2) == null ? m.group(1) : m.group(2);
                return new Expr.TemplateFor(keyVar, valueVar, coll, body, d.line());
            }
            default:
                throw new HclSyntaxException("unknown template directive %{" + d.text() + "}", d.line(), d.column());
        }
    }
}
