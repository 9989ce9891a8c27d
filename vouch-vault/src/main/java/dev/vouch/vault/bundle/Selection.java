package dev.vouch.vault.bundle;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which statements an auditor bundle holds: those whose {@code covers} period overlaps
 * [{@code from}, {@code to}] (both inclusive) and, when {@code controls} is non-empty, whose
 * {@code scope.controls} name at least one of {@code controls}.
 */
public record Selection(Instant from, Instant to, Set<String> controls) {
    public Selection {
        Objects.requireNonNull(from, "selection start");
        Objects.requireNonNull(to, "selection end");
        controls = controls == null ? Set.of() : Set.copyOf(controls);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the selected period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Every statement whose period overlaps [from, to], whatever its controls. */
    public static Selection period(Instant from, Instant to) {
        return new Selection(from, to, Set.of());
    }

    /** For messages: {@code covering FROM to TO, controls [A, B]}. */
    String describe() {
        return "covering " + from + " to " + to + (controls.isEmpty() ? "" : ", controls " + controls.stream().sorted().toList());
    }

    boolean matches(StatementFields s) {
        boolean overlaps = !s.coversFrom().isAfter(to) && !s.coversTo().isBefore(from);
        return overlaps && (controls.isEmpty() || s.controls().stream().anyMatch(controls::contains));
    }
}
