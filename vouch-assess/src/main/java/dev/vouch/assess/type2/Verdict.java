package dev.vouch.assess.type2;

/** Operating effectiveness of one control over the window (docs/scoring.md, "Type II"). */
public enum Verdict {
    EFFECTIVE, EFFECTIVE_WITH_EXCEPTIONS, NOT_EFFECTIVE, NOT_TESTED;

    public String label() {
        return name().replace('_', ' ');
    }
}
