package dev.vouch.collect.terraform;

/** A syntax error in HCL source, with a 1-based line and column. */
final class HclSyntaxException extends RuntimeException {
    private final int line;
    private final int column;

    HclSyntaxException(String message, int line, int column) {
        super(message + " at " + line + ":" + column);
        this.line = line;
        this.column = column;
    }

    int line() {
        return line;
    }

    int column() {
        return column;
    }
}
