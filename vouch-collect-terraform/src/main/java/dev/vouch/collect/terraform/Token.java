package dev.vouch.collect.terraform;

/** One lexical token. {@code text} is the raw source (for strings and heredocs: the template body). */
record Token(Kind kind, String text, int line, int column) {
    enum Kind {
        IDENT, NUMBER, STRING, HEREDOC, NEWLINE, EOF,
        LBRACE, RBRACE, LBRACK, RBRACK, LPAREN, RPAREN,
        COMMA, DOT, ELLIPSIS, EQ, COLON, QUESTION, ARROW,
        PLUS, MINUS, STAR, SLASH, PERCENT,
        EQEQ, NEQ, LT, LE, GT, GE, AND, OR, NOT
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isKeyword(String word) {
        return kind == Kind.IDENT && text.equals(word);
    }
}
