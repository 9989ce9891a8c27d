package dev.vouch.assess.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small RFC 4180 reader. Fields are separated by commas, records by LF or CRLF; a field in double
 * quotes may hold commas, line breaks and doubled quotes ({@code ""} is one quote). A leading UTF-8
 * BOM is ignored. A bare CR (old Mac line endings) or an unterminated quote rejects the whole file;
 * a stray quote inside an unquoted field, or text after a closing quote, marks only its record bad.
 */
final class CsvRecords {

    /** One record, the 1-based line it starts on, and what is wrong with it, if anything. */
    record Row(int line, List<String> cells, Optional<String> problem) {
        boolean blank() {
            return cells.size() == 1 && cells.get(0).isBlank();
        }
    }

    private final String file;
    private final String text;
    private final List<Row> rows = new ArrayList<>();
    private List<String> cells = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private String problem;
    private int line = 1;
    private int start = 1;

    private CsvRecords(String file, String text) {
        this.file = file;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<Row> parse(String file, String text) {
        CsvRecords p = new CsvRecords(file, text);
        p.run();
        return p.rows;
    }

    private void run() {
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '"' && cell.isEmpty()) {
                i = quoted(i + 1);
            } else if (ch == ',') {
                endCell();
                i++;
            } else if (ch == '\r' || ch == '\n') {
                i = lineBreak(i);
            } else {
                if (ch == '"') {
                    flag("field " + (cells.size() + 1) + " has a quote inside an unquoted field "
                            + "(quote the whole field and double the quote: \"a \"\"b\"\"\")");
                }
                cell.append(ch);
                i++;
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            endRecord();
        }
    }

    /** Reads a quoted field starting after its opening quote; returns the index after the closing quote. */
    private int quoted(int i) {
        int opened = line;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                cell.append('"');
                i += 2;
            } else if (ch == '"') {
                i++;
                if (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    flag("field " + (cells.size() + 1) + " has text after its closing quote");
                }
                return i;
            } else {
                line += ch == '\n' ? 1 : 0;
                cell.append(ch);
                i++;
            }
        }
        throw new IllegalArgumentException(file + ": line " + opened
                + ": quoted field is never closed (a '\"' is missing)");
    }

    private int lineBreak(int i) {
        if (text.charAt(i) == '\r') {
            if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                throw new IllegalArgumentException(file + ": line " + line
                        + ": bare carriage return (CR without LF); save the file with LF or CRLF line endings");
            }
            i++;
        }
        endRecord();
        line++;
        start = line;
        return i + 1;
    }

    private void flag(String what) {
        if (problem == null) {
            problem = what;
        }
    }

    private void endCell() {
        cells.add(cell.toString());
        cell.setLength(0);
    }

    private void endRecord() {
        endCell();
        rows.add(new Row(start, List.copyOf(cells), Optional.ofNullable(problem)));
        cells = new ArrayList<>();
        problem = null;
    }
}
