package dev.vouch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import dev.vouch.model.CheckInfo;

/**
 * Loads check definitions ({@code check.yaml}) from a directory tree or from the classpath, validates
 * every field eagerly and compiles the CEL once. All problems are collected and thrown together as a
 * {@link CheckLoadException}, each naming the file and the field.
 */
public final class CheckLoader {
    /** The classpath folder of the bundled catalog (vouch-checks). */
    public static final String CLASSPATH_ROOT = "checks";
    private static final String MARKER = CLASSPATH_ROOT + "/CATALOG";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private boolean compile = true;

    /** Loads every {@code check.yaml} below {@code root}; fixtures folders are skipped. */
    public List<Check> loadDirectory(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("check directory not found: " + root);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.getFileName().toString().equals("check.yaml"))
                    .filter(p -> !p.toString().contains("/fixtures/"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read check directory " + root, e);
        }
        return loadFiles(root, files);
    }

    /** Loads the bundled catalog from the classpath (the vouch-checks jar or its classes folder). */
    public List<Check> loadClasspath() {
        URL marker = CheckLoader.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException("the bundled check catalog is not on the classpath (" + MARKER + ")");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return loadDirectory(fs.getPath("/" + CLASSPATH_ROOT));
            }
            return loadDirectory(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled check catalog at " + marker, e);
        }
    }

    /**
     * Loads only what listings need: every field is validated, expressions are not compiled. Use
     * {@link #loadDirectory} or {@link #loadClasspath()} to run checks.
     */
    public List<CheckInfo> loadInfoClasspath() {
        compile = false;
        try {
            return loadClasspath().stream().map(Check::info).toList();
        } finally {
            compile = true;
        }
    }

    List<Check> loadFiles(Path root, List<Path> files) {
        List<String> problems = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            String display = display(root, file);
            JsonNode node;
            try {
                node = yaml.readTree(Files.readString(file));
            } catch (IOException e) {
                problems.add(display + ": not valid YAML: " + firstLine(e.getMessage()));
                continue;
            }
            List<String> fileProblems = new ArrayList<>();
            Check check = new CheckParser(display, fileProblems, compile).parse(node);
            problems.addAll(fileProblems);
            if (check == null) {
                continue;
            }
            String previous = seen.putIfAbsent(check.id(), display);
            if (previous != null) {
                problems.add(display + ": id '" + check.id() + "' is already used by " + previous);
                continue;
            }
            checks.add(check);
        }
        if (!problems.isEmpty()) {
            throw new CheckLoadException(problems);
        }
        return List.copyOf(checks);
    }

    private static String display(Path root, Path file) {
        Path base = root.getParent() != null ? root.getParent() : root;
        return base.relativize(file).toString();
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
