package dev.vouch.assess.type2;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * How much of the window a control was observed by scans at the expected cadence.
 *
 * @param observed slots in which a scan produced an applicable finding of the control's checks
 * @param slots all slots of the window
 * @param percent {@code 100 × observed / slots}, one decimal, half up
 * @param cadence the slot length
 * @param gaps maximal runs of unobserved slots, in time order
 */
public record Coverage(int observed, int slots, BigDecimal percent, Duration cadence, List<Gap> gaps) {

    public Coverage {
        gaps = List.copyOf(gaps);
    }
}
