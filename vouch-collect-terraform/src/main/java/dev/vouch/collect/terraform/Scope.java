package dev.vouch.collect.terraform;

import java.util.List;
import java.util.Map;

/** Resolves the root of a traversal ({@code var.x}, {@code local.y}, {@code azurerm_x.y}, {@code each.key}). */
interface Scope {
    /**
     * @param root the root name
     * @param attrs the attribute names that directly follow the root (may be empty)
     * @return the value and how many of {@code attrs} it consumed
     */
    Resolved resolve(String root, List<String> attrs);

    record Resolved(Object value, int consumed) {}

    /** A child scope where {@code bindings} (iterator names, {@code count}, {@code each}) shadow this one. */
    default Scope with(Map<String, Object> bindings) {
        Scope parent = this;
        return (root, attrs) -> bindings.containsKey(root)
                ? new Resolved(bindings.get(root), 0)
                : parent.resolve(root, attrs);
    }

    /** A scope with no names at all (tfvars files, constant expressions). */
    static Scope empty() {
        return (root, attrs) -> {
            throw new EvalException("unknown name '" + root + "'");
        };
    }
}
