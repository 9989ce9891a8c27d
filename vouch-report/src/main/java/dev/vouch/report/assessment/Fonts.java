package dev.vouch.report.assessment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The fonts bundled with Vouch (DejaVu, Bitstream Vera licence: fonts/LICENSE-DejaVu.txt), embedded in every PDF. */
final class Fonts {
    static final String SANS = "DejaVuSans.ttf";
    static final String SANS_BOLD = "DejaVuSans-Bold.ttf";
    static final String MONO = "DejaVuSansMono.ttf";
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private Fonts() {
    }

    static InputStream open(String file) {
        return new ByteArrayInputStream(CACHE.computeIfAbsent(file, Fonts::read));
    }

    /**
     * The font with its GSUB table hidden (the table's tag renamed in the table directory). PDFBox applies
     * GSUB ligatures to Latin text, so "fi" would be written as the single glyph U+FB01: an auditor searching
     * the PDF for "findings" or copying an id would not find it. Without GSUB every character stays one glyph.
     */
    static byte[] withoutLigatures(byte[] ttf) {
        byte[] out = ttf.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        int tables = Short.toUnsignedInt(b.getShort(4));
        for (int i = 0; i < tables; i++) {
            int at = 12 + 16 * i;
            if (new String(out, at, 4, StandardCharsets.US_ASCII).equals("GSUB")) {
                out[at] = 'g';
                out[at + 1] = 's';
                out[at + 2] = 'u';
                out[at + 3] = 'b';
            }
        }
        return out;
    }

    private static byte[] read(String file) {
        String path = "/dev/vouch/report/fonts/" + file;
        try (InputStream in = Fonts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing from the classpath: " + path);
            }
            return withoutLigatures(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + path, e);
        }
    }
}
