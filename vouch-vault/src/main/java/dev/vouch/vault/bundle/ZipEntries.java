package dev.vouch.vault.bundle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Bounded reads of one bundle's entries, in place (nothing is extracted). */
final class ZipEntries {
    static final int MAX_TEXT = 1 << 20;
    static final int MAX_LINE = 1 << 20;

    private final ZipFile zip;
    /** Entries with an expected name, first occurrence; others are reported and never read. */
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

    ZipEntries(ZipFile zip, Consumer<String> problems) {
        this.zip = zip;
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry e = all.nextElement();
            String name = e.getName();
            if (!BundleLayout.isExpected(name)) {
                problems.accept("entry '" + printable(name) + "': not a file a Vouch bundle holds (unexpected name);"
                        + " ignored, not extracted");
            } else if (entries.putIfAbsent(name, e) != null) {
                problems.accept(name + ": appears more than once in the zip (ambiguous: tools may read either copy)");
            }
        }
    }

    Map<String, ZipEntry> all() {
        return entries;
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** The entry as UTF-8 text, at most {@link #MAX_TEXT} bytes. */
    String text(String name) throws IOException {
        try (InputStream in = zip.getInputStream(entries.get(name))) {
            byte[] bytes = in.readNBytes(MAX_TEXT + 1);
            if (bytes.length > MAX_TEXT) {
                throw new IOException("larger than " + MAX_TEXT + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The SHA-256 (hex) of the entry's content, streamed. */
    String sha256(String name) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = zip.getInputStream(entries.get(name))) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** One line handler: the line's bytes without its '\n', its 1-based number, whether it ended in '\n'. */
    interface LineHandler {
        void line(byte[] line, int number, boolean terminated);
    }

    /** Calls {@code handler} with each line of the entry; a line over {@link #MAX_LINE} bytes is an error. */
    void lines(String name, LineHandler handler) throws IOException {
        try (InputStream in = new BufferedInputStream(zip.getInputStream(entries.get(name)), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            int number = 0;
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    handler.line(line.toByteArray(), ++number, true);
                    line.reset();
                } else if (line.size() >= MAX_LINE) {
                    throw new IOException("line " + (number + 1) + " is longer than " + MAX_LINE + " bytes");
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                handler.line(line.toByteArray(), ++number, false);
            }
        }
    }

    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> out.append(c < 0x20 || c == 0x7f ? "?" : Character.toString(c)));
        return out.toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
