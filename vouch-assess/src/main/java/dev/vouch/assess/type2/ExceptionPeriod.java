package dev.vouch.assess.type2;

import dev.vouch.model.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * A maximal period during which one (check, resource) pair was non-passing (FAIL, ERROR, UNKNOWN),
 * or, for {@link SlaStatus#ACCEPTED}, covered by an accepted exception.
 *
 * @param from when the pair first became non-passing (may precede the window)
 * @param to when it passed again, or the window end when {@code openAtWindowEnd}
 * @param openAtWindowEnd still non-passing when the window ended
 * @param duration {@code to − from}
 * @param severity the most severe severity seen during the period
 * @param sla the remediation SLA of that severity ({@link Duration#ZERO} for accepted exceptions)
 */
public record ExceptionPeriod(String checkId, String resourceId, String resourceName, Severity severity, Instant from,
        Instant to, boolean openAtWindowEnd, Duration duration, Duration sla, SlaStatus status) {

    public boolean beyondSla() {
        return status == SlaStatus.BEYOND;
    }
}
