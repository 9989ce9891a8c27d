package dev.vouch.collect.azureoffline;

import java.util.List;

/** The syntax tree of one ARM template expression ({@code [concat(parameters('a'), '-x')]}). */
sealed interface Expr {
    record Literal(Object value) implements Expr {}

    record Call(String function, List<Expr> args) implements Expr {}

    record Member(Expr target, String name) implements Expr {}

    record Index(Expr target, Expr index) implements Expr {}
}
