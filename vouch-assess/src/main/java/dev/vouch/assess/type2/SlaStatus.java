package dev.vouch.assess.type2;

/** How a non-passing period compares with its remediation SLA. */
public enum SlaStatus {
    /** Closed within the SLA. */
    WITHIN,
    /** Still open at the window end, and not yet older than the SLA. */
    OPEN_WITHIN,
    /** Lasted (or, still open, has lasted) longer than the SLA. */
    BEYOND,
    /** An accepted exception (EXCEPTED): listed, not judged against an SLA. */
    ACCEPTED
}
