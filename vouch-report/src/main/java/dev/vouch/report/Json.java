package dev.vouch.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Streaming JSON output over one {@link JsonGenerator}: two-space indent, LF line ends, {@code "key": value},
 * a trailing newline. Nothing is buffered beyond the generator's own buffer, so a report of any size is
 * written in constant memory. Calls return {@code this} and turn {@link IOException} into
 * {@link UncheckedIOException} naming the report.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final Writer out;
    private final JsonGenerator g;
    private final String what;

    private Json(Writer out, JsonGenerator g, String what) {
        this.out = out;
        this.g = g;
        this.what = what;
    }

    /** A generator over {@code out} (not closed by {@link #finish()}); {@code what} names the report in errors. */
    static Json open(Writer out, String what) {
        return open(out, what, true);
    }

    /** As {@link #open(Writer, String)}; {@code pretty} false writes compact JSON (for storage). */
    static Json open(Writer out, String what, boolean pretty) {
        if (!pretty) {
            try {
                return new Json(out, FACTORY.createGenerator(out), what);
            } catch (IOException e) {
                throw failed(what, e);
            }
        }
        try {
            return new Json(out, FACTORY.createGenerator(out).setPrettyPrinter(JsonStyle.lfPrinter()), what);
        } catch (IOException e) {
            throw failed(what, e);
        }
    }

    /** Starts an object: a field's value inside an object, an element inside an array or at the top. */
    Json object(String name) {
        return io(() -> {
            name(name);
            g.writeStartObject();
        });
    }

    Json object() {
        return object(null);
    }

    Json array(String name) {
        return io(() -> {
            name(name);
            g.writeStartArray();
        });
    }

    /** Closes the innermost object or array. */
    Json end() {
        return io(() -> {
            if (g.getOutputContext().inArray()) {
                g.writeEndArray();
            } else {
                g.writeEndObject();
            }
        });
    }

    Json field(String name, String value) {
        return io(() -> {
            name(name);
            g.writeString(value);
        });
    }

    Json field(String name, long value) {
        return io(() -> {
            name(name);
            g.writeNumber(value);
        });
    }

    Json field(String name, boolean value) {
        return io(() -> {
            name(name);
            g.writeBoolean(value);
        });
    }

    Json nullField(String name) {
        return io(() -> {
            name(name);
            g.writeNull();
        });
    }

    /** A string element of the current array. */
    Json value(String value) {
        return field(null, value);
    }

    Json strings(String name, Iterable<String> values) {
        array(name);
        values.forEach(this::value);
        return end();
    }

    /** A string map as an object with sorted keys. */
    Json sorted(String name, Map<String, String> map) {
        object(name);
        new TreeMap<>(map).forEach(this::field);
        return end();
    }

    /** Flushes the generator, ends the document with a newline and flushes {@code out} (left open). */
    void finish() {
        io(() -> {
            g.close();
            out.write('\n');
            out.flush();
        });
    }

    private void name(String name) throws IOException {
        if (name != null) {
            g.writeFieldName(name);
        }
    }

    private Json io(IoAction a) {
        try {
            a.run();
            return this;
        } catch (IOException e) {
            throw failed(what, e);
        }
    }

    private static UncheckedIOException failed(String what, IOException e) {
        return new UncheckedIOException("Cannot write the " + what + " report: " + e.getMessage(), e);
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
