package dev.vouch.catalog;

import java.util.Objects;

/**
 * Evidence a control needs to show it operated.
 *
 * @param type the kind of artifact
 * @param description what the artifact is, in a sentence
 * @param cadence how often a fresh artifact is due
 */
public record EvidenceRequirement(EvidenceType type, String description, Frequency cadence) {

    public EvidenceRequirement {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(cadence, "cadence");
    }
}
