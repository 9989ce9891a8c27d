package dev.vouch.vault;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing to record: a statement about evidence and, usually, the evidence itself (the blob).
 *
 * @param kind what it is: {@code scan.snapshot}, {@code scan.findings}, {@code evidence.manual} …
 * @param content the evidence bytes, or null for a statement without a blob
 * @param mediaType e.g. {@code application/json}; empty when there is no content
 * @param name the original file name for manual evidence (no path), or empty
 * @param controls control ids it supports
 * @param criteria criterion ids it supports
 * @param sources the sources it came from (e.g. {@code terraform:infra/})
 * @param actor who recorded it
 * @param coversFrom start of the period the evidence covers
 * @param coversTo end of the period the evidence covers
 * @param note free text, or empty
 */
public record Evidence(String kind, byte[] content, String mediaType, String name, List<String> controls,
        List<String> criteria, List<String> sources, String actor, Instant coversFrom, Instant coversTo, String note) {

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        mediaType = mediaType == null ? "" : mediaType;
        name = name == null ? "" : name;
        controls = controls == null ? List.of() : List.copyOf(controls);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        sources = sources == null ? List.of() : List.copyOf(sources);
        actor = actor == null ? "" : actor;
        Objects.requireNonNull(coversFrom, "coversFrom");
        Objects.requireNonNull(coversTo, "coversTo");
        if (coversTo.isBefore(coversFrom)) {
            throw new IllegalArgumentException("the covered period ends (" + coversTo + ") before it starts (" + coversFrom + ")");
        }
        note = note == null ? "" : note;
    }
}
