package dev.vouch.assess.type2;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.EvidenceRequirement;
import dev.vouch.catalog.Frequency;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts, per evidence requirement, the cadence periods of the window that evidence shows were performed.
 * Periods are aligned on the window start (UTC) and step by the cadence (daily and continuous: 1 day,
 * weekly: 7 days, monthly: 1 month, quarterly: 3 months, annual: 1 year); a trailing remainder shorter
 * than half a period is folded into the previous period. A period is performed when a matching item's
 * covered span {@code [coversFrom, coversTo]} overlaps it for a positive time, or is an instant inside it.
 */
final class OccurrenceCounter {

    private OccurrenceCounter() {
    }

    static List<Occurrences> count(Window window, Control control, List<EvidenceItem> items) {
        List<Occurrences> out = new ArrayList<>();
        for (EvidenceRequirement req : control.evidence()) {
            List<EvidenceItem> matching = items.stream()
                    .filter(i -> i.satisfies(control.id(), req))
                    .filter(i -> new Period(0, window.from(), window.to(), "").touchedBy(i.coversFrom(), i.coversTo()))
                    .sorted(Comparator.comparing(EvidenceItem::coversTo).thenComparing(EvidenceItem::coversFrom)
                            .thenComparingLong(EvidenceItem::vaultSeq).thenComparing(EvidenceItem::name))
                    .toList();
            out.add(occurrences(window, req, matching));
        }
        return out;
    }

    private static Occurrences occurrences(Window window, EvidenceRequirement req, List<EvidenceItem> matching) {
        if (req.cadence() == Frequency.PER_EVENT) {
            return new Occurrences(req.type().key(), req.cadence(), 0, List.of(), List.of(), matching);
        }
        List<Period> performed = new ArrayList<>();
        List<Period> missed = new ArrayList<>();
        for (Period p : periods(window, req.cadence())) {
            boolean done = matching.stream().anyMatch(i -> p.touchedBy(i.coversFrom(), i.coversTo()));
            (done ? performed : missed).add(p);
        }
        return new Occurrences(req.type().key(), req.cadence(), performed.size() + missed.size(), performed, missed,
                matching);
    }

    static List<Period> periods(Window window, Frequency cadence) {
        List<Instant[]> spans = new ArrayList<>();
        ZonedDateTime start = window.from().atZone(ZoneOffset.UTC);
        while (start.toInstant().isBefore(window.to())) {
            ZonedDateTime next = step(start, cadence);
            Instant end = next.toInstant().isAfter(window.to()) ? window.to() : next.toInstant();
            boolean shortTail = end.equals(window.to()) && !spans.isEmpty()
                    && Duration.between(start.toInstant(), end).multipliedBy(2)
                            .compareTo(Duration.between(start.toInstant(), next.toInstant())) < 0;
            if (shortTail) {
                spans.get(spans.size() - 1)[1] = end;
            } else {
                spans.add(new Instant[] {start.toInstant(), end});
            }
            start = next;
        }
        List<Period> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Instant[] s = spans.get(i);
            out.add(new Period(i + 1, s[0], s[1], label(i + 1, s[0], s[1], cadence)));
        }
        return out;
    }

    private static ZonedDateTime step(ZonedDateTime t, Frequency cadence) {
        return switch (cadence) {
            case CONTINUOUS, DAILY -> t.plusDays(1);
            case WEEKLY -> t.plusWeeks(1);
            case MONTHLY -> t.plusMonths(1);
            case QUARTERLY -> t.plusMonths(3);
            case ANNUAL, PER_EVENT -> t.plusYears(1);
        };
    }

    private static String label(int index, Instant from, Instant to, Frequency cadence) {
        ZonedDateTime f = from.atZone(ZoneOffset.UTC);
        boolean fullPeriod = step(f, cadence).toInstant().equals(to);
        boolean monthStart = f.getDayOfMonth() == 1 && f.toLocalTime().toSecondOfDay() == 0 && f.getNano() == 0;
        if (fullPeriod && monthStart) {
            switch (cadence) {
                case QUARTERLY:
                    if ((f.getMonthValue() - 1) % 3 == 0) {
                        return "Q" + ((f.getMonthValue() - 1) / 3 + 1) + " " + f.getYear();
                    }
                    break;
                case MONTHLY:
                    return String.format("%d-%02d", f.getYear(), f.getMonthValue());
                case ANNUAL:
                    if (f.getMonthValue() == 1) {
                        return Integer.toString(f.getYear());
                    }
                    break;
                default:
                    break;
            }
        }
        return "period " + index;
    }
}
