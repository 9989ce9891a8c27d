package dev.vouch.collect.terraform;

import dev.vouch.collect.terraform.Expr.Step;
import dev.vouch.collect.terraform.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Recursive-descent parser for HCL2 native syntax: bodies, blocks, attributes and expressions. */
final class Parser {
    private final List<Token> toks;
    private int p;
    /** Top of stack: whether newlines are insignificant here (inside parentheses and brackets). */
    private final Deque<Boolean> skipNewlines = new ArrayDeque<>();

    private Parser(List<Token> toks, boolean skip) {
        this.toks = toks;
        skipNewlines.push(skip);
    }

    /** Parses a whole file (or .tfvars) into a body. */
    static Body parseFile(String src) {
        Parser parser = new Parser(Lexer.tokenize(src), false);
        Body body = parser.body(Kind.EOF);
        parser.expect(Kind.EOF, "end of file");
        return body;
    }

    /** Parses one expression (an interpolation inside a template) starting at the given position. */
    static Expr parseExpression(String src, int line, int column) {
        Parser parser = new Parser(new Lexer(src, line, column).run(), true);
        Expr e = parser.expression();
        parser.expect(Kind.EOF, "end of interpolation");
        return e;
    }

    private Body body(Kind end) {
        List<Body.Attribute> attrs = new ArrayList<>();
        List<Body.Block> blocks = new ArrayList<>();
        while (true) {
            while (raw().is(Kind.NEWLINE)) {
                p++;
            }
            if (raw().is(end) || raw().is(Kind.EOF)) {
                return new Body(attrs, blocks);
            }
            Token name = expect(Kind.IDENT, "an attribute or block name");
            if (raw().is(Kind.EQ)) {
                p++;
                attrs.add(new Body.Attribute(name.text(), expression(), name.line()));
                endOfItem(end);
            } else {
                blocks.add(block(name));
                endOfItem(end);
            }
        }
    }

    private void endOfItem(Kind end) {
        Token t = raw();
        if (!t.is(Kind.NEWLINE) && !t.is(Kind.EOF) && !t.is(end)) {
            throw error("expected a newline after the attribute or block, found " + describe(t), t);
        }
    }

    private Body.Block block(Token type) {
        List<String> labels = new ArrayList<>();
        while (raw().is(Kind.STRING) || raw().is(Kind.IDENT)) {
            Token t = next();
            labels.add(t.is(Kind.STRING) ? TemplateParser.unescape(t.text(), t.line(), t.column()) : t.text());
        }
        expect(Kind.LBRACE, "'{' to open block " + type.text());
        skipNewlines.push(false);
        Body body = body(Kind.RBRACE);
        skipNewlines.pop();
        expect(Kind.RBRACE, "'}' to close block " + type.text());
        return new Body.Block(type.text(), labels, body, type.line());
    }

    Expr expression() {
        Expr cond = binary(0);
        if (peek().is(Kind.QUESTION)) {
            next();
            Expr then = expression();
            expect(Kind.COLON, "':' in conditional expression");
            Expr otherwise = expression();
            return new Expr.Conditional(cond, then, otherwise, cond.line());
        }
        return cond;
    }

    private static final List<List<Kind>> LEVELS = List.of(
            List.of(Kind.OR), List.of(Kind.AND), List.of(Kind.EQEQ, Kind.NEQ),
            List.of(Kind.LT, Kind.LE, Kind.GT, Kind.GE), List.of(Kind.PLUS, Kind.MINUS),
            List.of(Kind.STAR, Kind.SLASH, Kind.PERCENT));

    private Expr binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (LEVELS.get(level).contains(peek().kind())) {
            Token op = next();
            Expr right = binary(level + 1);
            left = new Expr.Binary(op.text(), left, right, left.line());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.is(Kind.NOT) || t.is(Kind.MINUS)) {
            next();
            return new Expr.Unary(t.text(), unary(), t.line());
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = raw();
            if (t.is(Kind.DOT) && toks.get(p + 1).is(Kind.STAR)) {
                p += 2;
                e = new Expr.Splat(e, splatSteps(false), t.line());
            } else if (t.is(Kind.DOT)) {
                p++;
                e = attrStep(e, t);
            } else if (t.is(Kind.LBRACK) && toks.get(p + 1).is(Kind.STAR) && toks.get(p + 2).is(Kind.RBRACK)) {
                p += 3;
                e = new Expr.Splat(e, splatSteps(true), t.line());
            } else if (t.is(Kind.LBRACK)) {
                p++;
                e = new Expr.Index(e, bracketed(), t.line());
            } else {
                return e;
            }
        }
    }

    private Expr attrStep(Expr e, Token dot) {
        Token name = next();
        if (name.is(Kind.IDENT)) {
            return new Expr.GetAttr(e, name.text(), dot.line());
        } else if (name.is(Kind.NUMBER)) {
            return new Expr.Index(e, new Expr.Literal(Long.parseLong(name.text()), dot.line()), dot.line());
        }
        throw error("expected an attribute name after '.', found " + describe(name), name);
    }

    private Expr bracketed() {
        skipNewlines.push(true);
        Expr key = expression();
        expect(Kind.RBRACK, "']' after index");
        skipNewlines.pop();
        return key;
    }

    private List<Step> splatSteps(boolean full) {
        List<Step> steps = new ArrayList<>();
        while (true) {
            Token t = raw();
            if (t.is(Kind.DOT) && !toks.get(p + 1).is(Kind.STAR)) {
                p++;
                Token name = next();
                steps.add(name.is(Kind.NUMBER)
                        ? new Step.Key(new Expr.Literal(Long.parseLong(name.text()), name.line()))
                        : new Step.Attr(name.text()));
            } else if (full && t.is(Kind.LBRACK) && !toks.get(p + 1).is(Kind.STAR)) {
                p++;
                steps.add(new Step.Key(bracketed()));
            } else {
                return steps;
            }
        }
    }

    private Expr primary() {
        Token t = next();
        return switch (t.kind()) {
            case NUMBER -> new Expr.Literal(number(t), t.line());
            case STRING -> TemplateParser.parse(t.text(), t.line(), t.column(), true);
            case HEREDOC -> TemplateParser.parse(t.text(), t.line(), t.column(), false);
            case IDENT -> identifier(t);
            case LPAREN -> parens(t);
            case LBRACK -> tuple(t);
            case LBRACE -> object(t);
            default -> throw error("expected an expression, found " + describe(t), t);
        };
    }

    private static Object number(Token t) {
        String s = t.text();
        if (s.contains(".") || s.contains("e") || s.contains("E")) {
            return Double.parseDouble(s);
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Double.parseDouble(s);
        }
    }

    private Expr identifier(Token t) {
        switch (t.text()) {
            case "true": return new Expr.Literal(Boolean.TRUE, t.line());
            case "false": return new Expr.Literal(Boolean.FALSE, t.line());
            case "null": return new Expr.Literal(null, t.line());
            default: break;
        }
        String name = t.text();
        while (raw().is(Kind.COLON) && toks.get(p + 1).is(Kind.COLON)) {
            p += 2;
            name = name + "::" + expect(Kind.IDENT, "a function name").text();
        }
        if (raw().is(Kind.LPAREN)) {
            p++;
            return call(name, t);
        }
        return new Expr.Variable(name, t.line());
    }

    private Expr call(String name, Token t) {
        skipNewlines.push(true);
        List<Expr> args = new ArrayList<>();
        boolean expand = false;
        while (!peek().is(Kind.RPAREN)) {
            args.add(expression());
            if (peek().is(Kind.ELLIPSIS)) {
                next();
                expand = true;
            }
            if (!peek().is(Kind.COMMA)) {
                break;
            }
            next();
        }
        expect(Kind.RPAREN, "')' to close call to " + name);
        skipNewlines.pop();
        return new Expr.Call(name, args, expand, t.line());
    }

    private Expr parens(Token t) {
        skipNewlines.push(true);
        Expr inner = expression();
        expect(Kind.RPAREN, "')'");
        skipNewlines.pop();
        return new Expr.Parens(inner, t.line());
    }

    private Expr tuple(Token t) {
        skipNewlines.push(true);
        Expr result;
        if (peek().isKeyword("for")) {
            result = forExpr(t, false);
            expect(Kind.RBRACK, "']' to close for expression");
        } else {
            List<Expr> items = new ArrayList<>();
            while (!peek().is(Kind.RBRACK)) {
                items.add(expression());
                if (!peek().is(Kind.COMMA)) {
                    break;
                }
                next();
            }
            expect(Kind.RBRACK, "']' or ',' in tuple");
            result = new Expr.Tuple(items, t.line());
        }
        skipNewlines.pop();
        return result;
    }

    private Expr object(Token t) {
        int save = p;
        skipNewlines.push(true);
        if (peek().isKeyword("for")) {
            Expr result = forExpr(t, true);
            expect(Kind.RBRACE, "'}' to close for expression");
            skipNewlines.pop();
            return result;
        }
        skipNewlines.pop();
        p = save;
        skipNewlines.push(false);
        List<Expr.Item> items = new ArrayList<>();
        while (true) {
            while (raw().is(Kind.NEWLINE)) {
                p++;
            }
            if (raw().is(Kind.RBRACE)) {
                break;
            }
            Expr key = objectKey();
            Token sep = next();
            if (!sep.is(Kind.EQ) && !sep.is(Kind.COLON)) {
                throw error("expected '=' or ':' after object key, found " + describe(sep), sep);
            }
            items.add(new Expr.Item(key, expression()));
            Token after = raw();
            if (after.is(Kind.COMMA)) {
                p++;
            } else if (!after.is(Kind.NEWLINE) && !after.is(Kind.RBRACE)) {
                throw error("expected ',' or a newline between object items, found " + describe(after), after);
            }
        }
        expect(Kind.RBRACE, "'}' to close object");
        skipNewlines.pop();
        return new Expr.ObjectCons(items, t.line());
    }

    private Expr objectKey() {
        Token t = raw();
        if (t.is(Kind.IDENT) && (toks.get(p + 1).is(Kind.EQ) || toks.get(p + 1).is(Kind.COLON))) {
            p++;
            return new Expr.Literal(t.text(), t.line());
        }
        return binary(0);
    }

    private Expr forExpr(Token open, boolean object) {
        next();
        String first = expect(Kind.IDENT, "an iterator name after 'for'").text();
        String second = null;
        if (peek().is(Kind.COMMA)) {
            next();
            second = expect(Kind.IDENT, "a value iterator name").text();
        }
        Token in = next();
        if (!in.isKeyword("in")) {
            throw error("expected 'in' in for expression, found " + describe(in), in);
        }
        Expr coll = expression();
        expect(Kind.COLON, "':' in for expression");
        Expr key = null;
        Expr value = expression();
        boolean grouping = false;
        if (object) {
            expect(Kind.ARROW, "'=>' in object for expression");
            key = value;
            value = expression();
            if (peek().is(Kind.ELLIPSIS)) {
                next();
                grouping = true;
            }
        }
        Expr cond = null;
        if (peek().isKeyword("if")) {
            next();
            cond = expression();
        }
        String keyVar = second == null ? null : first;
        String valueVar = second == null ? first : second;
        return new Expr.For(keyVar, valueVar, coll, key, value, cond, grouping, open.line());
    }

    private Token raw() {
        return toks.get(p);
    }

    private Token peek() {
        if (Boolean.TRUE.equals(skipNewlines.peek())) {
            while (toks.get(p).is(Kind.NEWLINE)) {
                p++;
            }
        }
        return toks.get(p);
    }

    private Token next() {
        Token t = peek();
        if (!t.is(Kind.EOF)) {
            p++;
        }
        return t;
    }

    private Token expect(Kind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw error("expected " + what + ", found " + describe(t), t);
        }
        return next();
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "newline";
            case STRING -> "a string";
            case HEREDOC -> "a heredoc";
            default -> "'" + t.text() + "'";
        };
    }

    private static HclSyntaxException error(String message, Token t) {
        return new HclSyntaxException(message, t.line(), t.column());
    }
}
