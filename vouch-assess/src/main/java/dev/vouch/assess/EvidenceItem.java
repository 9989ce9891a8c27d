package dev.vouch.assess;

import dev.vouch.catalog.EvidenceRequirement;
import dev.vouch.catalog.EvidenceType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One piece of recorded evidence, as the scorer sees it (the CLI maps vault statements to these).
 *
 * @param kind the evidence type key ({@code policy}, {@code review_record}, ...), which then matches only
 *     requirements of that type; any other kind (e.g. {@code evidence.manual}) matches every evidence
 *     requirement of the listed controls
 * @param controlIds the controls the evidence is for (at least one)
 * @param coversFrom start of the period the evidence covers
 * @param coversTo end of the period it covers; freshness is measured from here
 * @param recordedAt when it was recorded; items recorded after "now" are ignored
 * @param vaultSeq its sequence number in the evidence vault ({@code -1} for a hypothetical item)
 * @param name a display name
 */
public record EvidenceItem(String kind, List<String> controlIds, Instant coversFrom, Instant coversTo,
        Instant recordedAt, long vaultSeq, String name) {

    public EvidenceItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(controlIds, "controlIds");
        Objects.requireNonNull(coversFrom, "coversFrom");
        Objects.requireNonNull(coversTo, "coversTo");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(name, "name");
        controlIds = List.copyOf(controlIds);
        if (controlIds.isEmpty()) {
            throw new IllegalArgumentException("evidence item '" + name + "' (vault #" + vaultSeq
                    + "): field 'controlIds' must name at least one control");
        }
        if (coversTo.isBefore(coversFrom)) {
            throw new IllegalArgumentException("evidence item '" + name + "' (vault #" + vaultSeq
                    + "): field 'coversTo' (" + coversTo + ") is before 'coversFrom' (" + coversFrom + ")");
        }
    }

    private static final Set<String> TYPE_KEYS = Arrays.stream(EvidenceType.values())
            .map(EvidenceType::key).collect(Collectors.toUnmodifiableSet());

    /**
     * Whether this item is evidence for {@code req} of {@code controlId}: it names the control, and its kind is
     * the requirement's type key or not a type key at all. The scorer and the Type II counter share this rule.
     */
    public boolean satisfies(String controlId, EvidenceRequirement req) {
        boolean kindMatches = kind.equals(req.type().key()) || !TYPE_KEYS.contains(kind);
        return kindMatches && controlIds.contains(controlId);
    }

    /** A short reference for explanations: {@code 'Q1 access review' (vault #12)}. */
    public String label() {
        return "'" + name + "'" + (vaultSeq >= 0 ? " (vault #" + vaultSeq + ")" : " (hypothetical)");
    }
}
