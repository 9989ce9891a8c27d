package dev.vouch.collect.terraform;

import dev.vouch.collect.terraform.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * HCL2 native-syntax lexer. Quoted strings and heredocs become one token holding the raw template
 * body; {@link TemplateParser} splits it into literal parts and interpolations.
 */
final class Lexer {
    private final String src;
    private int pos;
    private int line;
    private int col;
    private final List<Token> out = new ArrayList<>();

    Lexer(String src, int startLine, int startColumn) {
        this.src = src;
        this.line = startLine;
        this.col = startColumn;
    }

    static List<Token> tokenize(String src) {
        return new Lexer(src, 1, 1).run();
    }

    List<Token> run() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                add(Kind.NEWLINE, "\n", line, col);
                advance(1);
            } else if (c == ' ' || c == '\t' || c == '\r') {
                advance(1);
            } else if (c == '#' || src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    advance(1);
                }
            } else if (src.startsWith("/*", pos)) {
                blockComment();
            } else {
                token(c);
            }
        }
        add(Kind.EOF, "", line, col);
        return out;
    }

    private void token(char c) {
        int l = line;
        int cl = col;
        if (Character.isDigit(c)) {
            number(l, cl);
        } else if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                advance(1);
            }
            add(Kind.IDENT, src.substring(start, pos), l, cl);
        } else if (c == '"') {
            quoted(l, cl);
        } else if (src.startsWith("<<", pos) && heredocAhead()) {
            heredoc(l, cl);
        } else {
            operator(c, l, cl);
        }
    }

    private static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private void number(int l, int cl) {
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            advance(1);
        }
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))
                && !(out.size() > 0 && out.get(out.size() - 1).is(Kind.DOT))) {
            advance(1);
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                advance(1);
            }
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            advance(1);
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                advance(1);
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    advance(1);
                }
            } else {
                col -= pos - save;
                pos = save;
            }
        }
        add(Kind.NUMBER, src.substring(start, pos), l, cl);
    }

    private void quoted(int l, int cl) {
        advance(1);
        int start = pos;
        while (true) {
            if (pos >= src.length()) {
                throw new HclSyntaxException("unterminated string", l, cl);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                break;
            } else if (c == '\n') {
                throw new HclSyntaxException("newline in quoted string (use a heredoc for multi-line text)", line, col);
            } else if (c == '\\') {
                advance(2);
            } else if ((src.startsWith("$${", pos) || src.startsWith("%%{", pos))) {
                advance(3);
            } else if (src.startsWith("${", pos) || src.startsWith("%{", pos)) {
                advance(2);
                skipTemplateSequence(line, col - 2);
            } else {
                advance(1);
            }
        }
        add(Kind.STRING, src.substring(start, pos), l, cl + 1);
        advance(1);
    }

    /** Skips to just past the '}' closing an interpolation/directive, honouring nested braces and strings. */
    private void skipTemplateSequence(int l, int cl) {
        int depth = 1;
        while (depth > 0) {
            if (pos >= src.length()) {
                throw new HclSyntaxException("unterminated template sequence", l, cl);
            }
            char c = src.charAt(pos);
            if (c == '{') {
                depth++;
                advance(1);
            } else if (c == '}') {
                depth--;
                advance(1);
            } else if (c == '"') {
                int sl = line;
                int sc = col;
                int before = out.size();
                quoted(sl, sc);
                out.remove(before);
            } else {
                advance(1);
            }
        }
    }

    private boolean heredocAhead() {
        int p = pos + 2;
        if (p < src.length() && src.charAt(p) == '-') {
            p++;
        }
        return p < src.length() && (Character.isLetter(src.charAt(p)) || src.charAt(p) == '_');
    }

    private void heredoc(int l, int cl) {
        advance(2);
        boolean indent = src.charAt(pos) == '-';
        if (indent) {
            advance(1);
        }
        int start = pos;
        while (pos < src.length() && isIdentPart(src.charAt(pos))) {
            advance(1);
        }
        String marker = src.substring(start, pos);
        int eol = src.indexOf('\n', pos);
        if (eol < 0 || !src.substring(pos, eol).strip().isEmpty()) {
            throw new HclSyntaxException("heredoc marker <<" + marker + " must be followed by a newline", l, cl);
        }
        advance(eol - pos + 1);
        List<String> lines = new ArrayList<>();
        while (true) {
            if (pos >= src.length()) {
                throw new HclSyntaxException("unterminated heredoc, expected closing " + marker, l, cl);
            }
            int end = src.indexOf('\n', pos);
            String text = end < 0 ? src.substring(pos) : src.substring(pos, end);
            advance((end < 0 ? src.length() : end) - pos);
            if (text.strip().equals(marker)) {
                break;
            }
            lines.add(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
            advance(1);
        }
        String body = indent ? stripIndent(lines) : joinLines(lines);
        add(Kind.HEREDOC, body, l + 1, 1);
    }

    private static String joinLines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String s : lines) {
            sb.append(s).append('\n');
        }
        return sb.toString();
    }

    private static String stripIndent(List<String> lines) {
        int min = Integer.MAX_VALUE;
        for (String s : lines) {
            if (!s.isBlank()) {
                int n = 0;
                while (n < s.length() && (s.charAt(n) == ' ' || s.charAt(n) == '\t')) {
                    n++;
                }
                min = Math.min(min, n);
            }
        }
        List<String> stripped = new ArrayList<>();
        for (String s : lines) {
            stripped.add(s.isBlank() ? "" : s.substring(min == Integer.MAX_VALUE ? 0 : min));
        }
        return joinLines(stripped);
    }

    private void blockComment() {
        int l = line;
        int cl = col;
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
            throw new HclSyntaxException("unterminated /* comment", l, cl);
        }
        advance(end + 2 - pos);
    }

    private void operator(char c, int l, int cl) {
        String two = pos + 1 < src.length() ? src.substring(pos, pos + 2) : "";
        Kind k2 = switch (two) {
            case "==" -> Kind.EQEQ;
            case "!=" -> Kind.NEQ;
            case "<=" -> Kind.LE;
            case ">=" -> Kind.GE;
            case "&&" -> Kind.AND;
            case "||" -> Kind.OR;
            case "=>" -> Kind.ARROW;
            default -> null;
        };
        if (src.startsWith("...", pos)) {
            add(Kind.ELLIPSIS, "...", l, cl);
            advance(3);
            return;
        }
        if (k2 != null) {
            add(k2, two, l, cl);
            advance(2);
            return;
        }
        Kind k = switch (c) {
            case '{' -> Kind.LBRACE;
            case '}' -> Kind.RBRACE;
            case '[' -> Kind.LBRACK;
            case ']' -> Kind.RBRACK;
            case '(' -> Kind.LPAREN;
            case ')' -> Kind.RPAREN;
            case ',' -> Kind.COMMA;
            case '.' -> Kind.DOT;
            case '=' -> Kind.EQ;
            case ':' -> Kind.COLON;
            case '?' -> Kind.QUESTION;
            case '+' -> Kind.PLUS;
            case '-' -> Kind.MINUS;
            case '*' -> Kind.STAR;
            case '/' -> Kind.SLASH;
            case '%' -> Kind.PERCENT;
            case '<' -> Kind.LT;
            case '>' -> Kind.GT;
            case '!' -> Kind.NOT;
            default -> throw new HclSyntaxException("unexpected character '" + c + "'", l, cl);
        };
        add(k, String.valueOf(c), l, cl);
        advance(1);
    }

    private void add(Kind kind, String text, int l, int cl) {
        out.add(new Token(kind, text, l, cl));
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
}
