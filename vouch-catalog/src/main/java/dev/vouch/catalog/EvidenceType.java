package dev.vouch.catalog;

import java.util.Locale;

/** The kind of artifact that shows a control operated. */
public enum EvidenceType {
    POLICY, PROCEDURE, SCREENSHOT, REPORT, TICKET, REVIEW_RECORD, TRAINING_RECORD, ACKNOWLEDGMENT, CONFIG_EXPORT, SCAN_RESULT, LOG_EXPORT, MEETING_MINUTES, CONTRACT, ATTESTATION, TEST_RECORD;

    /** The name used in catalog files, e.g. {@code policy}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
