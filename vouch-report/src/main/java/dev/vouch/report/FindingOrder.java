package dev.vouch.report;

import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import java.util.Comparator;
import java.util.List;

/** The deterministic orders every renderer uses. */
final class FindingOrder {
    private FindingOrder() {
    }

    /** Most severe first, then check id, resource id, origin. */
    static final Comparator<Finding> BY_SEVERITY = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::checkId)
            .thenComparing(Finding::resourceId)
            .thenComparing(f -> f.origin().display());

    /** Among one check's findings: resource id, then origin, then outcome name. */
    static final Comparator<Finding> WITHIN_CHECK = Comparator.comparing(Finding::resourceId)
            .thenComparing(f -> f.origin().display())
            .thenComparing(f -> f.outcome().name());

    /** Check id, then {@link #WITHIN_CHECK}. */
    static final Comparator<Finding> BY_CHECK = Comparator.comparing(Finding::checkId).thenComparing(WITHIN_CHECK);

    static final Comparator<CollectionError> ERRORS = Comparator.comparing((CollectionError e) -> e.origin().source())
            .thenComparing(e -> e.origin().location())
            .thenComparingInt(e -> e.origin().line())
            .thenComparing(CollectionError::message);

    static final Comparator<ExceptionNotice> NOTICES = Comparator.comparing(ExceptionNotice::kind)
            .thenComparing(ExceptionNotice::exceptionId)
            .thenComparing(n -> n.message() == null ? "" : n.message());

    static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return items.stream().sorted(order).toList();
    }
}
