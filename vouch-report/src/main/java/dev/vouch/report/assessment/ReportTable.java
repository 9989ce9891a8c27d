package dev.vouch.report.assessment;

import java.util.List;
import java.util.Objects;

/**
 * One sheet of a tabular report: a name, column headers and rows. Cells are {@link String}, {@link Number}
 * or {@link java.time.Instant} (written as a date-time), never null (empty string instead).
 */
public record ReportTable(String name, List<String> headers, List<List<Object>> rows) {
    public ReportTable {
        Objects.requireNonNull(name, "name");
        String table = name;
        headers = List.copyOf(headers);
        int columns = headers.size();
        rows = rows.stream().map(r -> {
            if (r.size() != columns) {
                throw new IllegalArgumentException("table '" + table + "': a row has " + r.size() + " cells for "
                        + columns + " columns");
            }
            return List.copyOf(r);
        }).toList();
    }
}
