package dev.vouch.report.assessment;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small well-formed XHTML writer: every text and attribute value is escaped, every element closed.
 * The same document is the HTML report and the input of the PDF renderer (which needs XML).
 */
final class Xhtml {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag} with attribute name/value pairs. */
    Xhtml open(String tag, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
        open.push(tag);
        return this;
    }

    Xhtml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element holding only text. */
    Xhtml el(String tag, String text, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append('>');
        escape(text, false);
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An empty element ({@code <br/>}, {@code <img/>}, {@code <object/>}). */
    Xhtml empty(String tag, String... attrs) {
        out.append('<').append(tag);
        attributes(attrs);
        out.append("/>");
        return this;
    }

    Xhtml text(String text) {
        escape(text, false);
        return this;
    }

    /** A table row of text cells ({@code td}, or {@code th} when {@code header}). */
    Xhtml row(boolean header, String... cells) {
        open("tr");
        for (String c : cells) {
            el(header ? "th" : "td", c);
        }
        return close();
    }

    /** Column widths (CSS lengths or percentages) for a fixed-layout table: no column collapses to one letter. */
    Xhtml cols(String... widths) {
        open("colgroup");
        for (String w : widths) {
            empty("col", "style", "width:" + w);
        }
        return close();
    }

    int depth() {
        return open.size();
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void attributes(String... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        for (int i = 0; i < attrs.length; i += 2) {
            out.append(' ').append(attrs[i]).append("=\"");
            escape(attrs[i + 1], true);
            out.append('"');
        }
    }

    /**
     * Escapes {@code & < >} everywhere and quotes in attribute values only: a browser reads the text of
     * {@code <style>} raw, so a quote escaped there would break the CSS.
     */
    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&#39;" : "'");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append('\uFFFD'); // not allowed in XML 1.0
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
