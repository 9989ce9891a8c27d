package dev.vouch.report;

import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.io.Writer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The terminal summary, for a compliance lead as much as an engineer: what was scanned, readiness per
 * Trust Services category, then what to fix (most severe first, with where and how), what could not
 * be evaluated, exceptions needing review and collection errors. ANSI styling only when
 * {@code colour} is true; text wraps at {@code width} between words, never inside an id. Long sections
 * list at most {@code maxPerCheck} findings per check (the JSON report has them all); totals stay exact.
 */
public final class TableRenderer implements Renderer {
    public static final int DEFAULT_WIDTH = 100;
    /** How many findings of one check each section lists before summing up the rest in one line. */
    public static final int DEFAULT_MAX_PER_CHECK = 10;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final List<Outcome> COLUMNS = List.of(Outcome.PASS, Outcome.FAIL, Outcome.ERROR,
            Outcome.UNKNOWN, Outcome.EXCEPTED, Outcome.NOT_APPLICABLE);

    private final boolean colour;
    private final int width;
    private final int maxPerCheck;

    /**
     * @param colour whether to style with ANSI escapes
     * @param width the wrap width, at least 40 columns
     * @param maxPerCheck how many findings of one check the failing, not-evaluated and excepted sections
     *     list (at least 1); the rest are counted in a line pointing to {@code --format json}
     */
    public TableRenderer(boolean colour, int width, int maxPerCheck) {
        if (width < 40) {
            throw new IllegalArgumentException("width must be at least 40 columns, was " + width);
        }
        if (maxPerCheck < 1) {
            throw new IllegalArgumentException("maxPerCheck must be at least 1, was " + maxPerCheck);
        }
        this.colour = colour;
        this.width = width;
        this.maxPerCheck = maxPerCheck;
    }

    public TableRenderer(boolean colour, int width) {
        this(colour, width, DEFAULT_MAX_PER_CHECK);
    }

    public TableRenderer(boolean colour) {
        this(colour, DEFAULT_WIDTH);
    }

    @Override
    public void render(ReportInput in, Writer out) {
        Text t = new Text(out, colour, width);
        header(in, t);
        readiness(in, t);
        TableSections sections = new TableSections(in, t, maxPerCheck);
        sections.failing();
        sections.unresolved();
        sections.excepted();
        sections.notices();
        sections.collectionErrors();
        verdict(in.scan(), t);
    }

    private static void header(ReportInput in, Text t) {
        ScanResult s = in.scan();
        t.line(t.bold("Vouch scan"));
        t.field(2, "Started", 11, TIME.format(s.startedAt()) + "   (took " + duration(s) + ")");
        t.field(2, "Sources", 11, s.sources().isEmpty() ? "(none)" : String.join(", ", s.sources()));
        t.field(2, "Scanned", 11, plural(s.resourceCount(), "resource") + ", " + plural(in.checkIds().size(), "check")
                + ", " + plural(s.findings().size(), "finding"));
        if (!s.findings().isEmpty()) {
            t.field(2, "Outcomes", 11, outcomes(s));
        }
        if (s.incomplete()) {
            t.field(2, "Status", 11, "INCOMPLETE: " + plural(s.errors().size(), "collection error")
                    + " (see below); missing data is never counted as passing", t::warn);
        }
        t.blank();
    }

    /** {@code 2 PASS, 3 FAIL, ... (pass rate 33%)}: every outcome present, then the overall pass rate. */
    private static String outcomes(ScanResult s) {
        Map<Outcome, Integer> counts = Readiness.zeros();
        s.findings().forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        COLUMNS.stream().filter(o -> counts.get(o) > 0).forEach(o -> parts.add(counts.get(o) + " " + label(o)));
        int applicable = s.findings().size() - counts.get(Outcome.NOT_APPLICABLE);
        int passing = counts.get(Outcome.PASS) + counts.get(Outcome.EXCEPTED);
        String rate = applicable == 0 ? "n/a" : (int) Math.floor(100.0 * passing / applicable) + "%";
        return String.join(", ", parts) + "; overall pass rate " + rate;
    }

    static String duration(ScanResult s) {
        Duration d = Duration.between(s.startedAt(), s.finishedAt());
        if (d.toSeconds() < 1) {
            return d.toMillis() + " ms";
        }
        long m = d.toMinutes();
        long sec = d.toSecondsPart();
        return m == 0 ? sec + " s" : m + " min " + sec + " s";
    }

    private void readiness(ReportInput in, Text t) {
        List<Readiness> rows = Readiness.of(in);
        t.line(t.bold("Readiness by Trust Services category"));
        if (rows.isEmpty()) {
            t.line("  No checks ran.");
            t.blank();
            return;
        }
        int catWidth = rows.stream().mapToInt(r -> r.category().label().length()).max().orElse(8) + 2;
        boolean compact = 2 + catWidth + 16 + 10 * COLUMNS.size() + 11 > width;
        if (compact) {
            catWidth--;
        }
        int col = compact ? 5 : 10;
        StringBuilder head = new StringBuilder("  " + Text.pad("Category", catWidth)
                + (compact ? "Ok/fail" : "Checks pass/fail"));
        COLUMNS.forEach(o -> head.append(Text.padLeft(compact ? shortLabel(o) : label(o), col)));
        head.append(Text.padLeft(compact ? "Rate" : "Pass rate", compact ? 5 : 11));
        t.line(t.dim(head.toString()));
        for (Readiness r : rows) {
            StringBuilder row = new StringBuilder("  " + Text.pad(r.category().label(), catWidth));
            String checks = r.checksPassing() + (compact ? "/" : " / ") + r.checksFailing();
            row.append(compact ? Text.pad(Text.padLeft(checks, 5), 7) : Text.pad(Text.padLeft(checks, 11), 16));
            COLUMNS.forEach(o -> row.append(Text.padLeft(String.valueOf(r.count(o)), col)));
            int rate = r.passRatePercent();
            t.line(row + t.rate(rate, Text.padLeft(rate < 0 ? "n/a" : rate + "%", compact ? 5 : 11)));
        }
        t.field(2, "", 0, "Checks pass/fail counts checks; the other columns count findings. Pass rate = (PASS + EXCEPTED)"
                + " / findings other than N/A; ERROR and UNKNOWN count as not passing.");
        t.blank();
    }

    private static String shortLabel(Outcome o) {
        return switch (o) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case ERROR -> "ERR";
            case UNKNOWN -> "UNKN";
            case EXCEPTED -> "EXC";
            case NOT_APPLICABLE -> "N/A";
        };
    }

    static String label(Outcome o) {
        return o == Outcome.NOT_APPLICABLE ? "N/A" : o.name();
    }

    private static void verdict(ScanResult s, Text t) {
        Map<Severity, Integer> bySeverity = new TreeMap<>();
        List<Finding> failing = s.findings().stream().filter(f -> f.outcome() == Outcome.FAIL).toList();
        failing.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        long unresolved = s.findings().stream().filter(f -> f.outcome() == Outcome.ERROR || f.outcome() == Outcome.UNKNOWN).count();
        List<String> parts = new ArrayList<>();
        if (!failing.isEmpty()) {
            List<String> sev = new ArrayList<>();
            bySeverity.forEach((k, v) -> sev.add(v + " " + k.label()));
            parts.add(plural(failing.size(), "failing finding") + " (" + String.join(", ", sev) + ")");
        }
        if (unresolved > 0) {
            parts.add(unresolved + " not evaluated");
        }
        if (s.incomplete()) {
            parts.add("scan incomplete");
        }
        String text = parts.isEmpty() ? "no failing findings" : String.join("; ", parts);
        t.heading(0, "Result:", 0, text, parts.isEmpty() ? t::good : t::bad);
    }

    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
