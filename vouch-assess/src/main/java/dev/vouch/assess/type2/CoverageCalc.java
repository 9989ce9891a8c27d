package dev.vouch.assess.type2;

import dev.vouch.model.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the window into cadence slots {@code [from + i·c, from + (i+1)·c)} (the last one cut at the
 * window end) and marks a slot observed when a scan finished in it and, at that scan, at least one
 * applicable finding (not NOT_APPLICABLE) of the control's checks was in force.
 */
final class CoverageCalc {

    private CoverageCalc() {
    }

    static Coverage coverage(Window window, Duration cadence, List<Instant> scans, Set<String> checks,
            List<FindingSpan> spans) {
        List<FindingSpan> own = spans.stream()
                .filter(s -> checks.contains(s.checkId()) && s.outcome() != Outcome.NOT_APPLICABLE).toList();
        List<Instant> observedScans = scans.stream().filter(window::contains)
                .filter(t -> own.stream().anyMatch(s -> s.inForceAt(t))).sorted().toList();
        int slots = slotCount(window, cadence);
        boolean[] seen = new boolean[slots];
        for (Instant t : observedScans) {
            seen[slotOf(window, cadence, t)] = true;
        }
        int observed = 0;
        for (boolean b : seen) {
            observed += b ? 1 : 0;
        }
        return new Coverage(observed, slots, percent(observed, slots), cadence, gaps(window, cadence, seen));
    }

    static int slotCount(Window window, Duration cadence) {
        long length = window.length().toMillis();
        long c = cadence.toMillis();
        return Math.toIntExact((length + c - 1) / c);
    }

    private static int slotOf(Window window, Duration cadence, Instant t) {
        return Math.toIntExact(Duration.between(window.from(), t).toMillis() / cadence.toMillis());
    }

    private static Instant slotStart(Window window, Duration cadence, int i) {
        Instant start = window.from().plus(cadence.multipliedBy(i));
        return start.isAfter(window.to()) ? window.to() : start;
    }

    private static List<Gap> gaps(Window window, Duration cadence, boolean[] seen) {
        List<Gap> out = new ArrayList<>();
        int i = 0;
        while (i < seen.length) {
            if (seen[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < seen.length && !seen[i]) {
                i++;
            }
            out.add(new Gap(slotStart(window, cadence, start), slotStart(window, cadence, i), i - start));
        }
        return out;
    }

    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
