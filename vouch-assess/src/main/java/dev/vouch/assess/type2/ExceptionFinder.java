package dev.vouch.assess.type2;

import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Merges the history intervals of each (check, resource) pair into maximal non-passing periods:
 * contiguous intervals ({@code next.from == previous.to}) that are all FAIL/ERROR/UNKNOWN form one
 * period, even when the message or severity changed in between. EXCEPTED intervals are merged the
 * same way into accepted periods. Only periods that overlap the window are kept.
 */
final class ExceptionFinder {

    static final Comparator<ExceptionPeriod> ORDER = Comparator.comparing(ExceptionPeriod::from)
            .thenComparing(ExceptionPeriod::checkId).thenComparing(ExceptionPeriod::resourceId);

    private ExceptionFinder() {
    }

    static List<ExceptionPeriod> find(Window window, Type2Policy policy, Set<String> checks, List<FindingSpan> spans) {
        Map<String, List<FindingSpan>> byPair = new TreeMap<>();
        for (FindingSpan s : spans) {
            if (checks.contains(s.checkId())) {
                byPair.computeIfAbsent(s.checkId() + "\u0000" + s.resourceId(), k -> new ArrayList<>()).add(s);
            }
        }
        List<ExceptionPeriod> out = new ArrayList<>();
        for (List<FindingSpan> pair : byPair.values()) {
            pair.sort(Comparator.comparing(FindingSpan::from));
            out.addAll(periods(window, policy, pair, s -> s.outcome().isNonPassing(), false));
            out.addAll(periods(window, policy, pair, s -> s.outcome() == Outcome.EXCEPTED, true));
        }
        out.sort(ORDER);
        return out;
    }

    private static List<ExceptionPeriod> periods(Window window, Type2Policy policy, List<FindingSpan> pair,
            Predicate<FindingSpan> bad, boolean accepted) {
        List<ExceptionPeriod> out = new ArrayList<>();
        int i = 0;
        while (i < pair.size()) {
            if (!bad.test(pair.get(i))) {
                i++;
                continue;
            }
            FindingSpan first = pair.get(i);
            Instant end = first.to();
            Severity severity = first.severity();
            i++;
            while (i < pair.size() && bad.test(pair.get(i)) && pair.get(i).from().equals(end)) {
                end = pair.get(i).to();
                severity = severity.atLeast(pair.get(i).severity()) ? severity : pair.get(i).severity();
                i++;
            }
            if (first.from().isBefore(window.to()) && end.isAfter(window.from())) {
                out.add(period(window, policy, first, severity, end, accepted));
            }
        }
        return out;
    }

    private static ExceptionPeriod period(Window window, Type2Policy policy, FindingSpan first, Severity severity,
            Instant end, boolean accepted) {
        boolean open = !end.isBefore(window.to());
        Instant to = open ? window.to() : end;
        Duration duration = Duration.between(first.from(), to);
        Duration sla = accepted ? Duration.ZERO : policy.sla(severity);
        SlaStatus status = accepted ? SlaStatus.ACCEPTED
                : duration.compareTo(sla) > 0 ? SlaStatus.BEYOND
                : open ? SlaStatus.OPEN_WITHIN : SlaStatus.WITHIN;
        return new ExceptionPeriod(first.checkId(), first.resourceId(), first.resourceName(), severity, first.from(), to,
                open, duration, sla, status);
    }
}
