package dev.vouch.assess.sample;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an HR roster CSV (UTF-8, RFC 4180). A header row is required with at least the columns
 * {@code employee_id,name,email,start_date,end_date} (any order, case-insensitive, extra columns
 * ignored). Dates are ISO {@code YYYY-MM-DD}; {@code end_date} is empty for current staff.
 *
 * <p>A missing required column, an empty file, a bare CR or an unterminated quote is one
 * {@link IllegalArgumentException} naming the file. A bad row (missing id or start date, unparseable
 * date, end before start, duplicate id, wrong field count, stray quote) becomes
 * {@code line N: <what is wrong>} in {@link Roster#errors()}, and the good rows are still used.
 */
public final class RosterCsv {

    static final List<String> COLUMNS = List.of("employee_id", "name", "email", "start_date", "end_date");

    /** Column positions by lower-case name, and how many fields every row must have. */
    private record Header(Map<String, Integer> index, int width) {
    }

    private RosterCsv() {
    }

    public static Roster read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read roster " + file + ": " + e.getMessage(), e);
        }
    }

    public static Roster read(Reader reader, String fileName) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (n = reader.read(buf)) >= 0; ) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read roster " + fileName + ": " + e.getMessage(), e);
        }
        return parse(fileName, sb.toString());
    }

    static Roster parse(String file, String text) {
        List<CsvRecords.Row> rows = CsvRecords.parse(file, text).stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": the roster is empty; the first row must be the header "
                    + String.join(",", COLUMNS));
        }
        Header header = header(file, rows.get(0));
        List<Employee> employees = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRecords.Row row : rows.subList(1, rows.size())) {
            Optional<String> problem = row.problem().or(() -> check(row, header, seen));
            if (problem.isPresent()) {
                errors.add("line " + row.line() + ": " + problem.get());
            } else {
                Employee e = employee(row, header);
                seen.put(e.id(), row.line());
                employees.add(e);
            }
        }
        return new Roster(file, employees, errors);
    }

    private static Header header(String file, CsvRecords.Row row) {
        if (row.problem().isPresent()) {
            throw new IllegalArgumentException(file + ": line " + row.line() + ": header: " + row.problem().get());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            index.putIfAbsent(row.cells().get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        for (String column : COLUMNS) {
            if (!index.containsKey(column)) {
                throw new IllegalArgumentException(file + ": line " + row.line() + ": missing required column '"
                        + column + "' in the header (required: " + String.join(",", COLUMNS) + "; found: "
                        + String.join(",", row.cells()) + ")");
            }
        }
        return new Header(index, row.cells().size());
    }

    /** What is wrong with a data row, if anything. */
    private static Optional<String> check(CsvRecords.Row row, Header header, Map<String, Integer> seen) {
        int expected = header.width();
        if (row.cells().size() != expected) {
            return Optional.of("has " + row.cells().size() + " fields, the header has " + expected);
        }
        String id = cell(row, header, "employee_id");
        if (id.isEmpty()) {
            return Optional.of("employee_id is empty");
        }
        if (seen.containsKey(id)) {
            return Optional.of("duplicate employee_id '" + id + "' (first on line " + seen.get(id) + ")");
        }
        String start = cell(row, header, "start_date");
        if (start.isEmpty()) {
            return Optional.of("start_date is empty for employee " + id);
        }
        Optional<String> bad = badDate(start, "start_date", id).or(() -> badDate(cell(row, header, "end_date"), "end_date", id));
        if (bad.isPresent()) {
            return bad;
        }
        String end = cell(row, header, "end_date");
        if (!end.isEmpty() && LocalDate.parse(end).isBefore(LocalDate.parse(start))) {
            return Optional.of("end_date " + end + " is before start_date " + start + " for employee " + id);
        }
        return Optional.empty();
    }

    private static Optional<String> badDate(String value, String column, String id) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDate.parse(value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(column + " '" + value + "' is not an ISO date (YYYY-MM-DD) for employee " + id);
        }
    }

    private static Employee employee(CsvRecords.Row row, Header header) {
        String end = cell(row, header, "end_date");
        return new Employee(cell(row, header, "employee_id"), cell(row, header, "name"), cell(row, header, "email"),
                LocalDate.parse(cell(row, header, "start_date")),
                end.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(end)), row.line());
    }

    private static String cell(CsvRecords.Row row, Header header, String column) {
        return row.cells().get(header.index().get(column)).trim();
    }
}
