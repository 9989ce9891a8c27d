package dev.vouch.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistent run record of one workspace, a JSON file (by default {@code .vouch/schedule.json}).
 * Writes are atomic: a temporary file in the same folder is written, fsynced and moved over the
 * ledger with {@code ATOMIC_MOVE}, so a crash leaves either the old or the new ledger (and at worst
 * a stray {@code *.tmp} file, which is ignored and later removed).
 */
public final class RunLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String TMP_SUFFIX = ".tmp";

    private final Path file;
    private final Clock clock;
    private final LedgerJson json = new LedgerJson();

    public RunLedger(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.clock = clock;
    }

    /** The ledger at {@code <workspace>/.vouch/schedule.json}. */
    public static RunLedger forWorkspace(Path workspace, Clock clock) {
        return new RunLedger(workspace.resolve(".vouch").resolve("schedule.json"), clock);
    }

    public Path file() {
        return file;
    }

    /** The result of {@link #loadOrRecover()}: the state (empty for a new ledger) and any warnings. */
    public record Loaded(Optional<LedgerState> state, List<String> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads the ledger without changing anything.
     *
     * @return empty if there is no ledger yet
     * @throws LedgerCorruptException if the file cannot be read as a ledger
     */
    public Optional<LedgerState> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schedule ledger " + file, e);
        }
        try {
            return Optional.of(json.read(bytes));
        } catch (LedgerJson.LedgerFormatException e) {
            throw new LedgerCorruptException(file, e.getMessage(), e);
        }
    }

    /**
     * Reads the ledger; a corrupt one is renamed to {@code schedule.json.corrupt-<UTC timestamp>}
     * (kept, never deleted) and a fresh ledger is started, with a warning saying so.
     */
    public Loaded loadOrRecover() {
        try {
            return new Loaded(read(), List.of());
        } catch (LedgerCorruptException e) {
            Path kept = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            try {
                Files.move(file, kept);
            } catch (IOException moveFailure) {
                throw new UncheckedIOException("schedule ledger " + file + " is corrupt and could not be set aside as "
                        + kept + "; fix or move it by hand (" + e.getMessage() + ")", moveFailure);
            }
            String warning = e.getMessage() + "; kept it as " + kept.getFileName()
                    + " and started a fresh ledger (earlier runs will show as missed)";
            LOG.warn("{}", warning);
            return new Loaded(Optional.empty(), List.of(warning));
        }
    }

    /** Replaces the ledger atomically and durably. */
    public void write(LedgerState state) {
        byte[] bytes = json.write(state);
        Path dir = file.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            removeStrayTemps(dir);
            tmp = Files.createTempFile(dir, file.getFileName() + ".", TMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write schedule ledger " + file, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private void removeStrayTemps(Path dir) throws IOException {
        String prefix = file.getFileName() + ".";
        try (var entries = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TMP_SUFFIX);
        })) {
            for (Path stray : entries) {
                LOG.debug("removing stray ledger temp file {}", stray);
                Files.deleteIfExists(stray);
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("directory fsync not supported for {}: {}", dir, e.toString());
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.debug("could not delete temp file {}: {}", tmp, e.toString());
        }
    }
}
