package dev.vouch.report;

import java.io.IOException;

/** Golden-file comparison for tests outside this package (same rules as {@link Golden}). */
public final class GoldenFiles {
    private GoldenFiles() {
    }

    public static void assertMatches(String actual, String name) throws IOException {
        Golden.assertMatches(actual, name);
    }
}
