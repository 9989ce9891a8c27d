package dev.vouch.assess.type2;

import java.time.Instant;

/** A maximal run of unobserved scan slots {@code [from, to)}. */
public record Gap(Instant from, Instant to, int slots) {
}
