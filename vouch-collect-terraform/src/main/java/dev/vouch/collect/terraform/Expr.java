package dev.vouch.collect.terraform;

import java.util.List;

/** The HCL2 expression tree. Every node carries the 1-based source line it starts on. */
sealed interface Expr {
    int line();

    /** A constant: String, Long, Double, Boolean or null. */
    record Literal(Object value, int line) implements Expr {}

    /** A template: string parts and expressions, concatenated. A single lone interpolation keeps its type. */
    record Template(List<Expr> parts, int line) implements Expr {}

    /** {@code %{ if cond }...%{ else }...%{ endif }} inside a template. */
    record TemplateIf(Expr condition, Template then, Template otherwise, int line) implements Expr {}

    /** {@code %{ for k, v in coll }...%{ endfor }} inside a template. */
    record TemplateFor(String keyVar, String valueVar, Expr collection, Template body, int line) implements Expr {}

    /** A root name such as {@code var}, {@code local}, {@code azurerm_storage_account}. */
    record Variable(String name, int line) implements Expr {}

    record GetAttr(Expr source, String name, int line) implements Expr {}

    record Index(Expr source, Expr key, int line) implements Expr {}

    /** {@code source[*].a.b} or {@code source.*.a}: {@code each} is applied to every element. */
    record Splat(Expr source, List<Step> each, int line) implements Expr {}

    record Tuple(List<Expr> items, int line) implements Expr {}

    record ObjectCons(List<Item> items, int line) implements Expr {}

    record Call(String name, List<Expr> args, boolean expandLast, int line) implements Expr {}

    record Unary(String op, Expr operand, int line) implements Expr {}

    record Binary(String op, Expr left, Expr right, int line) implements Expr {}

    record Conditional(Expr condition, Expr then, Expr otherwise, int line) implements Expr {}

    /** {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}. */
    record For(String keyVar, String valueVar, Expr collection, Expr key, Expr value, Expr condition,
               boolean grouping, int line) implements Expr {}

    record Parens(Expr inner, int line) implements Expr {}

    /** One object constructor item; a bare identifier key is a {@link Literal} string. */
    record Item(Expr key, Expr value) {}

    /** One traversal step applied per element of a splat. */
    sealed interface Step {
        record Attr(String name) implements Step {}

        record Key(Expr key) implements Step {}
    }
}
