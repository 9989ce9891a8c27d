package dev.vouch.assess;

/** State of one evidence requirement: a fresh item exists, only stale items exist, or none at all. */
public enum Freshness {
    FRESH, STALE, MISSING
}
