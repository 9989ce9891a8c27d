package dev.vouch.catalog;

import java.util.Objects;

/**
 * One Trust Services criterion.
 *
 * @param id the AICPA id, e.g. {@code CC6.1}
 * @param category its category
 * @param group its group
 * @param paraphrase Vouch's own one-sentence summary (the AICPA wording is copyrighted)
 * @param officialText the official text imported by a user who holds a licence, or empty
 */
public record Criterion(String id, Category category, CriterionGroup group, String paraphrase, String officialText) {

    public Criterion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(paraphrase, "paraphrase");
        officialText = officialText == null ? "" : officialText;
    }

    /** The text to show: the imported official text when present, else our paraphrase. */
    public String text() {
        return officialText.isEmpty() ? paraphrase : officialText;
    }

    /** True when {@link #text()} is the imported official text. */
    public boolean hasOfficialText() {
        return !officialText.isEmpty();
    }

    Criterion withOfficialText(String text) {
        return new Criterion(id, category, group, paraphrase, text);
    }
}
