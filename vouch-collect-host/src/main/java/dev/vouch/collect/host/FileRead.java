package dev.vouch.collect.host;

import java.util.List;

/** The result of reading one host file: its lines, absent, or present but unreadable. */
sealed interface FileRead {
    /** The host path, e.g. {@code /etc/shadow}. */
    String path();

    record Present(String path, List<String> lines) implements FileRead {
        public Present {
            lines = List.copyOf(lines);
        }
    }

    record Absent(String path) implements FileRead {
    }

    record Unreadable(String path, String reason) implements FileRead {
    }
}
