package dev.vouch.report;

import java.io.Writer;

/** Renders one scan to one output format. Implementations are stateless and deterministic. */
public interface Renderer {

    /**
     * Writes the report for {@code in} to {@code out} (the caller owns and closes {@code out}).
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    void render(ReportInput in, Writer out);
}
