package dev.vouch.assess.type2;

import dev.vouch.catalog.Nature;
import java.util.List;
import java.util.Optional;

/**
 * The Type II result of one control.
 *
 * @param coverage present for automated and hybrid controls that have checks
 * @param exceptions non-passing periods of its checks that overlap the window, in time order
 * @param accepted periods covered by accepted exceptions (EXCEPTED), in time order
 * @param occurrences one per evidence requirement, for manual and hybrid controls
 * @param reasons why the verdict is what it is, most important first
 */
public record ControlResult(String controlId, String title, Nature nature, Verdict verdict, List<String> reasons,
        Optional<Coverage> coverage, List<ExceptionPeriod> exceptions, List<ExceptionPeriod> accepted,
        List<Occurrences> occurrences) {

    public ControlResult {
        reasons = List.copyOf(reasons);
        exceptions = List.copyOf(exceptions);
        accepted = List.copyOf(accepted);
        occurrences = List.copyOf(occurrences);
    }

    public long beyondSla() {
        return exceptions.stream().filter(ExceptionPeriod::beyondSla).count();
    }

    public List<Period> missed() {
        return occurrences.stream().flatMap(o -> o.missed().stream()).toList();
    }
}
