package dev.vouch.assess;

import dev.vouch.catalog.ControlType;
import java.math.BigDecimal;

/**
 * Control weights by type (docs/scoring.md): a preventive control stops the event (1.0), a detective
 * one finds it afterwards (0.8), a corrective one limits the damage once found (0.6).
 */
final class Weights {

    private Weights() {
    }

    static BigDecimal of(ControlType type) {
        return switch (type) {
            case PREVENTIVE -> new BigDecimal("1.0");
            case DETECTIVE -> new BigDecimal("0.8");
            case CORRECTIVE -> new BigDecimal("0.6");
        };
    }
}
