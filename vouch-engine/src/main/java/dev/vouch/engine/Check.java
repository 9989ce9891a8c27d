package dev.vouch.engine;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.vouch.model.CheckInfo;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, validated check: its metadata and its CEL expressions, compiled once at load.
 * Create with {@link CheckLoader}.
 */
public final class Check {
    private final CheckInfo info;
    private final CelAbstractSyntaxTree when;
    private final CelAbstractSyntaxTree assertion;
    private final CelAbstractSyntaxTree message;
    private final List<Join> joins;

    Check(CheckInfo info, CelAbstractSyntaxTree when, CelAbstractSyntaxTree assertion,
            CelAbstractSyntaxTree message, List<Join> joins) {
        this.info = Objects.requireNonNull(info);
        this.when = when;
        this.assertion = Objects.requireNonNull(assertion);
        this.message = message;
        this.joins = List.copyOf(joins);
    }

    public CheckInfo info() {
        return info;
    }

    public String id() {
        return info.id();
    }

    Optional<CelAbstractSyntaxTree> when() {
        return Optional.ofNullable(when);
    }

    CelAbstractSyntaxTree assertion() {
        return assertion;
    }

    Optional<CelAbstractSyntaxTree> message() {
        return Optional.ofNullable(message);
    }

    List<Join> joins() {
        return joins;
    }

    /**
     * A declared relation: resources of {@code type} whose {@code on} value (a string or list of
     * strings, computed from {@code candidate}) equals the subject's id or scope, ignoring case.
     */
    record Join(String name, String type, String onSource, CelAbstractSyntaxTree on, Match match,
            CelAbstractSyntaxTree key) {
        /** ID/SCOPE compare with the subject's id or scope; KEY with the value of the join's {@code key} expression. */
        enum Match { ID, SCOPE, KEY }

        /** Joins with the same type, expression and match share one index per evaluation. */
        String indexKey() {
            return type + "\u0000" + onSource + "\u0000" + match;
        }
    }

    @Override
    public String toString() {
        return "Check[" + info.id() + " " + info.path() + "]";
    }
}
