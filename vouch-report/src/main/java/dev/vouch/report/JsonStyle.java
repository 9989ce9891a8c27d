package dev.vouch.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/** How Vouch pretty-prints JSON: two-space indentation, {@code "key": value}, LF line ends on every platform. */
public final class JsonStyle {
    private JsonStyle() {
    }

    public static DefaultPrettyPrinter lfPrinter() {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(lf);
        pp.indentArraysWith(lf);
        return pp;
    }
}
