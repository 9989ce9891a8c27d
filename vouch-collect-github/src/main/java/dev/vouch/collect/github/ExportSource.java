package dev.vouch.collect.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link GitHubSource} over a directory of saved API responses (layout in docs/github.md):
 * {@code owner.json}, {@code org.json}, {@code repos/<name>/repo.json}, {@code protection.json},
 * {@code rules.json}, {@code vulnerability-alerts.json}, {@code pulls.json}, {@code reviews/<n>.json},
 * {@code check-runs/<n>.json}. A saved GitHub error body ({@code {"message": "Branch not protected",
 * "status": "404"}}) stands for that error answer.
 */
final class ExportSource implements GitHubSource {
    private final Path root;

    ExportSource(Path root) {
        this.root = root;
    }

    @Override public String source() { return "github-export"; }

    /** The owner's login: owner.json, org.json, the first repository's owner, else the directory name. */
    String ownerLogin() {
        for (String file : List.of("owner.json", "org.json")) {
            if (read(root.resolve(file)) instanceof Fetched.Ok ok && !Json.string(Json.map(ok.body()), "login").isEmpty()) {
                return Json.string(Json.map(ok.body()), "login");
            }
        }
        for (String repo : repoDirs()) {
            if (read(repoDir(repo).resolve("repo.json")) instanceof Fetched.Ok ok) {
                String login = Json.string(Json.map(Json.map(ok.body()).get("owner")), "login");
                if (!login.isEmpty()) {
                    return login;
                }
            }
        }
        String name = root.toAbsolutePath().normalize().getFileName().toString();
        return name.endsWith(".github") ? name.substring(0, name.length() - ".github".length()) : name;
    }

    @Override
    public Fetched owner(String owner) {
        Fetched saved = read(root.resolve("owner.json"));
        if (!(saved instanceof Fetched.Absent)) {
            return saved;
        }
        Map<String, Object> synthetic = new LinkedHashMap<>();
        synthetic.put("login", owner);
        synthetic.put("type", Files.isRegularFile(root.resolve("org.json")) ? "Organization" : "User");
        return new Fetched.Ok(synthetic, display(root));
    }

    @Override public Fetched organization(String org) { return read(root.resolve("org.json")); }

    @Override
    public Fetched repositories(String owner, boolean organization) {
        List<Object> repos = new ArrayList<>();
        for (String dir : repoDirs()) {
            Fetched f = read(repoDir(dir).resolve("repo.json"));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", dir);
            if (f instanceof Fetched.Ok ok && Json.map(ok.body()).get("archived") instanceof Boolean archived) {
                entry.put("archived", archived);
            }
            repos.add(entry);
        }
        return new Fetched.Ok(repos, display(root.resolve("repos")));
    }

    @Override public Fetched repository(String owner, String repo) { return read(repoDir(repo).resolve("repo.json")); }

    @Override public Fetched protection(String owner, String repo, String branch) { return read(repoDir(repo).resolve("protection.json")); }

    @Override
    public Fetched branchRules(String owner, String repo, String branch) {
        Fetched f = read(repoDir(repo).resolve("rules.json"));
        return f instanceof Fetched.Absent ? new Fetched.Ok(List.of(), f.location()) : f;
    }

    @Override public Fetched vulnerabilityAlerts(String owner, String repo) { return read(repoDir(repo).resolve("vulnerability-alerts.json")); }

    @Override public Fetched closedPulls(String owner, String repo, String base, Instant since) { return read(repoDir(repo).resolve("pulls.json")); }

    @Override public Fetched reviews(String owner, String repo, long number) { return read(repoDir(repo).resolve("reviews").resolve(number + ".json")); }

    @Override
    public Fetched checkRuns(String owner, String repo, long number, String sha) {
        return read(repoDir(repo).resolve("check-runs").resolve(number + ".json"));
    }

    private Path repoDir(String repo) {
        Path dir = root.resolve("repos").resolve(repo).normalize();
        if (!dir.startsWith(root.resolve("repos").normalize()) || repo.contains("/") || repo.contains("\\")) {
            throw new IllegalArgumentException("repository name escapes the export directory: " + repo);
        }
        return dir;
    }

    private List<String> repoDirs() {
        Path repos = root.resolve("repos");
        if (!Files.isDirectory(repos)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(repos)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + repos, e);
        }
    }

    private Fetched read(Path file) {
        String location = display(file);
        if (!Files.isRegularFile(file)) {
            return new Fetched.Absent(location);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return new Fetched.Failed(location + ": cannot read: " + e.getMessage(), location);
        }
        if (text.isBlank()) {
            return new Fetched.Ok(Map.of(), location);
        }
        try {
            Object body = Json.parse(text);
            Fetched error = Fetched.fromErrorBody(body, location);
            return error != null ? error : new Fetched.Ok(body, location);
        } catch (Json.Malformed e) {
            return new Fetched.Failed(location + ": " + e.getMessage(), location);
        }
    }

    private String display(Path file) {
        Path abs = root.toAbsolutePath().normalize();
        String base = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        Path rel = abs.relativize(file.toAbsolutePath().normalize());
        return rel.toString().isEmpty() ? base : base + "/" + rel.toString().replace('\\', '/');
    }
}
