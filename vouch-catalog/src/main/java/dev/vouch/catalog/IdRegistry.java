package dev.vouch.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code id-registry.tsv}: every control id ever issued, so that an id is never reused. Columns:
 * {@code id}, {@code first_title}, {@code status} ({@code active} or {@code retired}); a header row;
 * lines starting with {@code #} are comments.
 */
final class IdRegistry {

    enum Status { ACTIVE, RETIRED }

    record Entry(String id, String firstTitle, Status status, int line) {
    }

    static final String HEADER = "id\tfirst_title\tstatus";

    private final List<Entry> entries;

    private IdRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static IdRegistry parse(String file, String text) {
        String[] rows = text.split("\r?\n", -1);
        if (rows.length == 0 || !rows[0].strip().equals(HEADER)) {
            throw new CatalogException(file + ":1: the header must be '" + HEADER.replace("\t", "<TAB>") + "'");
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i];
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            out.add(entry(file, i + 1, row));
        }
        return new IdRegistry(out);
    }

    private static Entry entry(String file, int line, String row) {
        String[] cols = row.split("\t", -1);
        if (cols.length != 3) {
            throw new CatalogException(file + ":" + line + ": expected 3 tab-separated columns (id, first_title, status), found " + cols.length);
        }
        String id = cols[0].strip();
        if (!ControlsParser.ID.matcher(id).matches()) {
            throw new CatalogException(file + ":" + line + ": column 'id' is not a valid id: '" + id + "'");
        }
        if (cols[1].isBlank()) {
            throw new CatalogException(file + ":" + line + ": column 'first_title' must not be blank for " + id);
        }
        Status status = switch (cols[2].strip()) {
            case "active" -> Status.ACTIVE;
            case "retired" -> Status.RETIRED;
            default -> throw new CatalogException(file + ":" + line + ": column 'status' must be one of [active, retired], was '"
                    + cols[2].strip() + "'");
        };
        return new Entry(id, cols[1].strip(), status, line);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The first row for the id. */
    Optional<Entry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    boolean isRetired(String id) {
        return entries.stream().anyMatch(e -> e.id().equals(id) && e.status() == Status.RETIRED);
    }
}
