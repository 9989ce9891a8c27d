package dev.vouch.collect.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Runs real commands without a shell; output goes to a temporary file so no reader thread is needed. */
final class SystemCommandRunner implements CommandRunner {
    private static final long MAX_OUTPUT = 8L * 1024 * 1024;
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    @Override
    public CommandResult run(List<String> command, Duration timeout) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        Optional<Path> program = locate(command.get(0));
        if (program.isEmpty()) {
            return new NotAvailable(command.get(0) + ": not installed");
        }
        List<String> argv = new ArrayList<>(command);
        argv.set(0, program.get().toString());
        Path out = null;
        try {
            out = Files.createTempFile("vouch-cmd", ".out");
            ProcessBuilder pb = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out.toFile());
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new NotAvailable(String.join(" ", command) + ": timed out after " + timeout.toSeconds() + "s");
            }
            if (Files.size(out) > MAX_OUTPUT) {
                return new NotAvailable(String.join(" ", command) + ": output larger than " + MAX_OUTPUT + " bytes");
            }
            return new Completed(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new NotAvailable(String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NotAvailable(String.join(" ", command) + ": interrupted");
        } finally {
            deleteQuietly(out);
        }
    }

    private static Optional<Path> locate(String name) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        dirs.addAll(EXTRA_DIRS);
        return dirs.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless; nothing else to do
        }
    }
}
