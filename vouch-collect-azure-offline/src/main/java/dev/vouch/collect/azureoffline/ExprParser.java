package dev.vouch.collect.azureoffline;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inside of an ARM template expression string. Grammar:
 * {@code expr := primary ('.' ident | '[' expr ']')*; primary := 'string' | number | ident '(' args ')' | true | false | null}.
 */
final class ExprParser {
    /** A syntax error; the message names the expression and the position. */
    static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /** Parses {@code body}, the expression without its surrounding brackets. */
    static Expr parse(String body) {
        ExprParser p = new ExprParser(body);
        Expr e = p.expression();
        p.skipSpace();
        if (p.pos != body.length()) {
            throw p.error("unexpected '" + body.charAt(p.pos) + "'");
        }
        return e;
    }

    private Expr expression() {
        Expr e = primary();
        while (true) {
            skipSpace();
            if (peek('.')) {
                pos++;
                e = new Expr.Member(e, identifier());
            } else if (peek('[')) {
                pos++;
                Expr index = expression();
                expect(']');
                e = new Expr.Index(e, index);
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expression ends early");
        }
        char c = text.charAt(pos);
        if (c == '\'') {
            return new Expr.Literal(string());
        }
        if (c == '-' || Character.isDigit(c)) {
            return new Expr.Literal(number());
        }
        String name = identifier();
        skipSpace();
        if (!peek('(')) {
            return switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "true" -> new Expr.Literal(Boolean.TRUE);
                case "false" -> new Expr.Literal(Boolean.FALSE);
                case "null" -> new Expr.Literal(null);
                default -> throw error("expected '(' after " + name);
            };
        }
        pos++;
        List<Expr> args = new ArrayList<>();
        skipSpace();
        if (peek(')')) {
            pos++;
            return new Expr.Call(name, args);
        }
        while (true) {
            args.add(expression());
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect(')');
                return new Expr.Call(name, args);
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (peek('\'')) {
                    sb.append('\'');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Object number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String n = text.substring(start, pos);
        try {
            return n.contains(".") ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
        } catch (NumberFormatException e) {
            throw error("bad number '" + n + "'");
        }
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a name");
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ParseError error(String what) {
        return new ParseError(what + " at position " + (pos + 1) + " in [" + text + "]");
    }
}
