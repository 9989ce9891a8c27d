package dev.vouch.assess.sample;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HR roster read by {@link RosterCsv}: the good rows, and one message per bad row.
 *
 * @param file the file name used in messages and in population sources
 * @param employees the rows that were read without problems, in file order
 * @param errors one {@code line N: <what is wrong>} per bad row, in file order; those rows are not used
 */
public record Roster(String file, List<Employee> employees, List<String> errors) {

    public static final String HIRES = "hires";
    public static final String TERMINATIONS = "terminations";

    public Roster {
        employees = List.copyOf(employees);
        errors = List.copyOf(errors);
    }

    public int size() {
        return employees.size();
    }

    /** Employees whose {@code start_date} falls in the period (the day at 00:00 UTC). */
    public Population hires(Period period) {
        List<PopulationItem> items = employees.stream()
                .filter(e -> period.contains(instant(e.startDate())))
                .map(e -> item(e, "hire", e.startDate()))
                .toList();
        return new Population(HIRES, items, source("start_date", period), problems());
    }

    /** Employees whose {@code end_date} falls in the period (the day at 00:00 UTC). */
    public Population terminations(Period period) {
        List<PopulationItem> items = employees.stream()
                .filter(e -> e.endDate().filter(d -> period.contains(instant(d))).isPresent())
                .map(e -> item(e, "termination", e.endDate().orElseThrow()))
                .toList();
        return new Population(TERMINATIONS, items, source("end_date", period), problems());
    }

    private List<String> problems() {
        return errors.stream().map(e -> file + ": " + e).toList();
    }

    private String source(String column, Period period) {
        return "roster " + file + " (" + column + " in " + period + ")";
    }

    private static PopulationItem item(Employee e, String kind, LocalDate day) {
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("name", e.name());
        attrs.put("email", e.email());
        attrs.put("start_date", e.startDate().toString());
        attrs.put("end_date", e.endDate().map(LocalDate::toString).orElse(""));
        attrs.put("line", Integer.toString(e.line()));
        return new PopulationItem(e.id(), kind, instant(day), e.name(), attrs);
    }

    private static java.time.Instant instant(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
