package dev.vouch.report.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the vault's evidence index.
 *
 * @param seq the entry's position in the vault log (its leaf index)
 * @param kind the statement kind, e.g. {@code evidence.manual}, {@code scan.snapshot}, {@code scan.findings}
 * @param name the file name or title recorded with it (may be empty)
 * @param digest {@code sha256:<hex>} of the content
 * @param recordedAt when it entered the vault
 * @param coversFrom start of the period it covers
 * @param coversTo end of the period it covers
 * @param controls the controls it supports (may be empty for scan records)
 */
public record EvidenceEntry(long seq, String kind, String name, String digest, Instant recordedAt,
        Instant coversFrom, Instant coversTo, List<String> controls) {
    public EvidenceEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(coversFrom, "coversFrom");
        Objects.requireNonNull(coversTo, "coversTo");
        controls = List.copyOf(controls);
    }
}
