package dev.vouch.collect.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Replays captured command output: see {@link CommandRunner#fromDirectory(Path)}. */
final class DirectoryCommandRunner implements CommandRunner {
    private final Path dir;

    DirectoryCommandRunner(Path dir) {
        this.dir = dir;
    }

    /** The base file name (without {@code .out}/{@code .rc}) a command's capture is stored under. */
    static String fileName(List<String> command) {
        List<String> parts = new ArrayList<>(command);
        String program = parts.get(0);
        parts.set(0, program.substring(program.lastIndexOf('/') + 1));
        return String.join("_", parts.stream().map(s -> s.replaceAll("[^A-Za-z0-9.,=+@%-]", "_")).toList());
    }

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        String name = fileName(command);
        Path out = dir.resolve(name + ".out");
        if (!Files.isRegularFile(out)) {
            return new NotAvailable(String.join(" ", command) + ": no captured output " + name + ".out");
        }
        try {
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            Path rc = dir.resolve(name + ".rc");
            int exit = Files.isRegularFile(rc) ? parseExit(rc) : 0;
            return new Completed(exit, stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read captured command output " + out, e);
        }
    }

    private static int parseExit(Path rc) throws IOException {
        String text = Files.readString(rc, StandardCharsets.UTF_8).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rc + ":1: exit code must be an integer, was '" + text + "'", e);
        }
    }
}
