package dev.vouch.collect.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only access to the files of the scanned root by host path ({@code /etc/passwd}). Paths that
 * would leave the root (through {@code ..}) are refused. For a root other than {@code /} (a fixture)
 * two marker files are honoured, because git keeps neither owners nor modes: {@code _unreadable}
 * (one host path a line, read as permission denied) and {@code _stat} (lines
 * {@code /etc/shadow 0640 0 42}: path, octal mode, uid, gid, used instead of the real stat).
 */
final class HostFiles {
    private final Path root;
    private final boolean live;
    private final Set<String> unreadable;
    private final Map<String, FileStat> statOverrides;

    private HostFiles(Path root, boolean live, Set<String> unreadable, Map<String, FileStat> statOverrides) {
        this.root = root;
        this.live = live;
        this.unreadable = unreadable;
        this.statOverrides = statOverrides;
    }

    static HostFiles open(Path root) {
        Path r = root.toAbsolutePath().normalize();
        boolean live = r.getParent() == null;
        if (live) {
            return new HostFiles(r, true, Set.of(), Map.of());
        }
        return new HostFiles(r, false, readUnreadableMarker(r), readStatMarker(r));
    }

    boolean live() {
        return live;
    }

    Path root() {
        return root;
    }

    /** The real path of a host path inside the root; refuses paths escaping it. */
    Path resolve(String hostPath) {
        String rel = hostPath.startsWith("/") ? hostPath.substring(1) : hostPath;
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("Path " + hostPath + " leaves the scanned root " + root);
        }
        return p;
    }

    /** Normalizes a host path: absolute, no {@code ..}, no trailing slash. */
    static String normalize(String hostPath) {
        String p = Path.of("/").resolve(hostPath).normalize().toString();
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    FileRead read(String hostPath) {
        String path = normalize(hostPath);
        if (unreadable.contains(path)) {
            return new FileRead.Unreadable(path, "permission denied");
        }
        Path p = resolve(path);
        if (!Files.isRegularFile(p)) {
            return new FileRead.Absent(path);
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new FileRead.Present(path, List.of(text.split("\r?\n", -1)));
        } catch (AccessDeniedException e) {
            return new FileRead.Unreadable(path, "permission denied (Vouch needs root to read it)");
        } catch (NoSuchFileException e) {
            return new FileRead.Absent(path);
        } catch (IOException e) {
            return new FileRead.Unreadable(path, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Lines of the file, or empty when absent or unreadable. */
    List<String> lines(String hostPath) {
        return read(hostPath) instanceof FileRead.Present p ? p.lines() : List.of();
    }

    boolean exists(String hostPath) {
        return Files.exists(resolve(hostPath)) || statOverrides.containsKey(normalize(hostPath));
    }

    boolean isDirectory(String hostPath) {
        return Files.isDirectory(resolve(hostPath));
    }

    /** Entry names of a directory, sorted; empty when it is absent or unreadable. */
    List<String> list(String hostDir) {
        Path dir = resolve(hostDir);
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    /** Host paths matching a glob whose wildcards are in the last component, sorted. */
    List<String> glob(String hostPattern) {
        String pattern = normalize(hostPattern);
        int slash = pattern.lastIndexOf('/');
        String dir = slash <= 0 ? "/" : pattern.substring(0, slash);
        String name = pattern.substring(slash + 1);
        if (!name.matches(".*[*?\\[].*")) {
            return exists(pattern) ? List.of(pattern) : List.of();
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
        return list(dir).stream().filter(n -> m.matches(Path.of(n)))
                .map(n -> (dir.equals("/") ? "" : dir) + "/" + n).toList();
    }

    Optional<FileStat> stat(String hostPath) {
        String path = normalize(hostPath);
        FileStat override = statOverrides.get(path);
        if (override != null) {
            return Optional.of(override);
        }
        Path p = resolve(path);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            long uid = ((Number) Files.getAttribute(p, "unix:uid")).longValue();
            long gid = ((Number) Files.getAttribute(p, "unix:gid")).longValue();
            return Optional.of(new FileStat(mode & 07777, uid, gid));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static Set<String> readUnreadableMarker(Path root) {
        Set<String> out = new HashSet<>();
        for (String line : markerLines(root.resolve("_unreadable"))) {
            out.add(normalize(line));
        }
        return out;
    }

    private static Map<String, FileStat> readStatMarker(Path root) {
        Map<String, FileStat> out = new HashMap<>();
        List<String> lines = markerLines(root.resolve("_stat"));
        for (int i = 0; i < lines.size(); i++) {
            List<String> w = Text.words(lines.get(i));
            try {
                out.put(normalize(w.get(0)), new FileStat(Integer.parseInt(w.get(1), 8),
                        Long.parseLong(w.get(2)), Long.parseLong(w.get(3))));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(root.resolve("_stat") + ":" + (i + 1)
                        + ": expected '<path> <octal mode> <uid> <gid>', was '" + lines.get(i) + "'", e);
            }
        }
        return out;
    }

    private static List<String> markerLines(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read marker file " + file, e);
        }
    }
}
