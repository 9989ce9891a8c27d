package dev.vouch.assess;

import dev.vouch.catalog.Control;
import dev.vouch.catalog.EvidenceRequirement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Judges each evidence requirement of a control fresh, stale or missing. */
final class EvidenceScoring {

    /** Newest coverage first, then the vault order, then the name: a total, deterministic order. */
    static final Comparator<EvidenceItem> NEWEST_FIRST = Comparator.comparing(EvidenceItem::coversTo).reversed()
            .thenComparing(Comparator.comparingLong(EvidenceItem::vaultSeq).reversed())
            .thenComparing(EvidenceItem::name);

    private EvidenceScoring() {
    }

    static List<EvidenceStatus> statuses(Control control, List<EvidenceItem> items, Instant now) {
        List<EvidenceStatus> out = new ArrayList<>();
        for (int i = 0; i < control.evidence().size(); i++) {
            out.add(status(control.id(), i, control.evidence().get(i), items, now));
        }
        return out;
    }

    /** An item counts for a requirement when it names the control, is recorded by now and has a matching kind. */
    static boolean matches(EvidenceItem item, String controlId, EvidenceRequirement req, Instant now) {
        return item.satisfies(controlId, req) && !item.recordedAt().isAfter(now);
    }

    private static EvidenceStatus status(String controlId, int index, EvidenceRequirement req, List<EvidenceItem> items,
            Instant now) {
        List<EvidenceItem> fresh = new ArrayList<>();
        List<EvidenceItem> stale = new ArrayList<>();
        for (EvidenceItem item : items) {
            if (matches(item, controlId, req, now)) {
                (FreshnessRule.isFresh(item.coversTo(), req.cadence(), now) ? fresh : stale).add(item);
            }
        }
        fresh.sort(NEWEST_FIRST);
        stale.sort(NEWEST_FIRST);
        Freshness freshness = !fresh.isEmpty() ? Freshness.FRESH : stale.isEmpty() ? Freshness.MISSING : Freshness.STALE;
        return new EvidenceStatus(controlId, index, req.type(), req.description(), req.cadence(),
                FreshnessRule.windowDays(req.cadence()), FreshnessRule.limitDays(req.cadence()).doubleValue(),
                freshness, fresh, stale, text(controlId, req, freshness, fresh, stale));
    }

    private static String text(String controlId, EvidenceRequirement req, Freshness freshness, List<EvidenceItem> fresh,
            List<EvidenceItem> stale) {
        String head = controlId + " evidence " + req.type().key() + " (" + req.cadence().key() + ", fresh for "
                + FreshnessRule.windowDays(req.cadence()) + " d + 10% = " + Num.f(FreshnessRule.limitDays(req.cadence()))
                + " d after the covered period ends): ";
        return switch (freshness) {
            case MISSING -> head + "MISSING, no item recorded";
            case FRESH -> head + "FRESH, " + describe(fresh.get(0), req) + " ≥ now";
            case STALE -> head + "STALE, newest " + describe(stale.get(0), req) + " < now";
        };
    }

    private static String describe(EvidenceItem item, EvidenceRequirement req) {
        return item.label() + " covers to " + item.coversTo() + ", fresh until "
                + FreshnessRule.freshUntil(item.coversTo(), req.cadence());
    }
}
