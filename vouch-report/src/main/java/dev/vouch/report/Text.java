package dev.vouch.report;

import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Line-oriented text output: wrapping at word boundaries (never inside a word or an id) and optional ANSI styling. */
final class Text {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String RED = "\u001b[31m";
    private static final String BOLD_RED = "\u001b[1;31m";
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String CYAN = "\u001b[36m";
    private static final String DIM = "\u001b[2m";

    private final Writer out;
    private final boolean colour;
    private final int width;

    Text(Writer out, boolean colour, int width) {
        this.out = out;
        this.colour = colour;
        this.width = width;
    }

    void line(String s) {
        try {
            out.write(s);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the table report", e);
        }
    }

    void blank() {
        line("");
    }

    /** {@code indent + label (padded) + value}, the value wrapped to the width and continued under itself. */
    void field(int indent, String label, int labelWidth, String value) {
        field(indent, label, labelWidth, value, UnaryOperator.identity());
    }

    /** As {@link #field(int, String, int, String)}, styling each wrapped line of the value (after wrapping). */
    void field(int indent, String label, int labelWidth, String value, UnaryOperator<String> style) {
        labelled(indent, label, labelWidth, value, this::dim, style);
    }

    /** A line led by a bold label (a check id, "Result:"), the value wrapped under itself. */
    void heading(int indent, String label, int labelWidth, String value, UnaryOperator<String> style) {
        labelled(indent, label, labelWidth, value, this::bold, style);
    }

    private void labelled(int indent, String label, int labelWidth, String value, UnaryOperator<String> labelStyle,
            UnaryOperator<String> style) {
        String lead = " ".repeat(indent) + pad(label, labelWidth);
        String[] paragraphs = value.strip().split("\n", -1);
        boolean first = true;
        for (String p : paragraphs) {
            for (String l : wrap(p.stripTrailing(), Math.max(20, width - lead.length()))) {
                line((first ? labelStyle.apply(lead) : " ".repeat(lead.length())) + style.apply(l));
                first = false;
            }
        }
    }

    /** Splits {@code text} into lines of at most {@code max} characters at spaces; a longer word stays whole. */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        int lead = text.length() - text.stripLeading().length();
        String indent = text.substring(0, lead);
        StringBuilder cur = new StringBuilder(indent);
        for (String word : text.substring(lead).split(" +")) {
            if (cur.length() > indent.length() && cur.length() + 1 + word.length() > max) {
                lines.add(cur.toString());
                cur = new StringBuilder(indent);
            }
            if (cur.length() > indent.length()) {
                cur.append(' ');
            }
            cur.append(word);
        }
        lines.add(cur.toString());
        return lines;
    }

    static String pad(String s, int n) {
        if (s.isEmpty() && n == 0) {
            return s;
        }
        return s.length() >= n ? s + " " : s + " ".repeat(n - s.length());
    }

    static String padLeft(String s, int n) {
        return s.length() >= n ? s : " ".repeat(n - s.length()) + s;
    }

    String bold(String s) {
        return s.isBlank() ? s : style(BOLD, s);
    }

    String dim(String s) {
        return s.isBlank() ? s : style(DIM, s);
    }

    String good(String s) {
        return style(GREEN, s);
    }

    String bad(String s) {
        return style(RED, s);
    }

    String warn(String s) {
        return style(YELLOW, s);
    }

    String severity(Severity sev, String s) {
        return switch (sev) {
            case CRITICAL -> style(BOLD_RED, s);
            case HIGH -> style(RED, s);
            case MEDIUM -> style(YELLOW, s);
            case LOW -> style(CYAN, s);
        };
    }

    String outcome(Outcome o, String s) {
        return switch (o) {
            case PASS -> good(s);
            case FAIL -> bad(s);
            case ERROR, UNKNOWN -> warn(s);
            case EXCEPTED, NOT_APPLICABLE -> dim(s);
        };
    }

    /** A pass rate coloured by the readiness bands: below 60 red, below 90 yellow, else green. */
    String rate(int percent, String s) {
        if (percent < 0) {
            return dim(s);
        }
        return percent < 60 ? bad(s) : percent < 90 ? warn(s) : good(s);
    }

    private String style(String code, String s) {
        return colour ? code + s + RESET : s;
    }
}
