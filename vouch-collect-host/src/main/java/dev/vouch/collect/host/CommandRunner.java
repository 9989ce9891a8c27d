package dev.vouch.collect.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a host command (no shell) and returns its exit code and standard output, or says that the
 * command is not available (not installed, not permitted, timed out). Injected into
 * {@link HostCollector} so tests replay captured output instead of touching the machine.
 */
public interface CommandRunner {

    /** The timeout {@link HostCollector} uses for every command. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Runs {@code command} (argv, {@code command.get(0)} is the program name) for at most {@code timeout}.
     * Never throws for a command that is missing or fails; that is a {@link NotAvailable}.
     */
    CommandResult run(List<String> command, Duration timeout);

    /** The live machine: {@link ProcessBuilder}, no shell, {@code LC_ALL=C}, stderr discarded. */
    static CommandRunner system() {
        return new SystemCommandRunner();
    }

    /**
     * Replays captured outputs from {@code dir}: {@code sshd -T} is read from {@code sshd_-T.out}
     * (argv joined with {@code _}, the program by its base name, characters outside
     * {@code [A-Za-z0-9.,=+@%-]} replaced by {@code _}); the exit code from {@code sshd_-T.rc} when
     * present, else 0. A missing {@code .out} file means the command is not available.
     */
    static CommandRunner fromDirectory(Path dir) {
        return new DirectoryCommandRunner(dir);
    }

    /** What a command gave. */
    sealed interface CommandResult permits Completed, NotAvailable {
    }

    /** The command ran to completion. */
    record Completed(int exitCode, String stdout) implements CommandResult {
        public Completed {
            stdout = stdout == null ? "" : stdout;
        }

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** The command could not be run; {@code reason} says why. */
    record NotAvailable(String reason) implements CommandResult {
        public NotAvailable {
            reason = reason == null ? "not available" : reason;
        }
    }
}
