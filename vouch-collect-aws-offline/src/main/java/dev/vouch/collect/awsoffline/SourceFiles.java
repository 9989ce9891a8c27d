package dev.vouch.collect.awsoffline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code *.json} and {@code *.csv} files under a collector's path, in a stable order, with their
 * display names relative to it. Symbolic links are not followed, so a scan cannot leave the given tree.
 */
record SourceFiles(Path root, List<Path> files) {

    static SourceFiles of(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("path does not exist: " + path);
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return new SourceFiles(path.getParent() == null ? Path.of("") : path.getParent(), List.of(path));
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("not a file or directory: " + path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> isJson(p) || isCsv(p))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no *.json or *.csv files in " + path);
            }
            return new SourceFiles(path, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    static boolean isJson(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static boolean isCsv(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** The file's path relative to the given path ('/'-separated); a single given file is named by itself. */
    String display(Path file) {
        Path relative = root.toString().isEmpty() ? file : root.relativize(file);
        return relative.toString().replace('\\', '/');
    }
}
