package dev.vouch.collect.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files with given extensions under a collector's path, in a stable order, with their display
 * names relative to it. Symbolic links are not followed, so a scan cannot leave the given tree.
 */
public record SourceFiles(Path root, List<Path> files) {

    /**
     * @param what what the path is, for messages (e.g. "Graph export")
     * @param extensions lower-case file endings to take, e.g. ".json"
     * @throws IllegalArgumentException when the path is missing, not a file or folder, or holds no such file
     */
    public static SourceFiles of(Path path, String what, String... extensions) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(what + " path does not exist: " + path);
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return new SourceFiles(path.getParent() == null ? Path.of("") : path.getParent(), List.of(path));
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException(what + " path is not a file or directory: " + path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> hasExtension(p, extensions))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no " + String.join(" or ", Stream.of(extensions).map(e -> "*" + e).toList())
                        + " files in " + what + " directory " + path);
            }
            return new SourceFiles(path, files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
    }

    public static boolean hasExtension(Path p, String... extensions) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String e : extensions) {
            if (name.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** The file's path relative to the given path ('/'-separated); a single given file is named by itself. */
    public String display(Path file) {
        Path relative = root.toString().isEmpty() ? file : root.relativize(file);
        return relative.toString().replace('\\', '/');
    }
}
