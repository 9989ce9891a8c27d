package dev.vouch.assess.sample;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One good roster row.
 *
 * @param line the 1-based line it starts on in the roster file
 * @param endDate the last day of employment; empty for current staff
 */
public record Employee(String id, String name, String email, LocalDate startDate, Optional<LocalDate> endDate, int line) {
    public Employee {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
    }
}
