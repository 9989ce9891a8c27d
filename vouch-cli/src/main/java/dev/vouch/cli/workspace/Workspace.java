package dev.vouch.cli.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.engine.ExceptionRule;
import dev.vouch.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A workspace: a folder with {@code vouch.yaml} (docs/workspace.md). Paths in it are relative to the
 * folder. Reading validates every field and names file and line on error.
 */
public final class Workspace {
    public static final String FILE = "vouch.yaml";
    private static final Set<String> FIELDS = Set.of("organization", "categories", "sources", "exceptions",
            "database", "failOn", "checks", "vault", "observation", "schedule", "notifications", "server");
    private static final Set<String> VAULT_FIELDS = Set.of("encryptionKeyFile", "encryptionKeyEnv");
    private static final Set<String> SOURCE_FIELDS = Set.of("terraform", "arm", "azure", "entra", "github", "aws", "azureExport", "graphExport", "awsExport", "host", "git",
            "gitLookbackDays", "gitSince");
    private static final Set<String> CATEGORIES = Set.of("security", "availability", "confidentiality",
            "processing_integrity", "privacy");

    private final Path dir;
    private final YamlDoc doc;

    private Workspace(Path dir, YamlDoc doc) {
        this.dir = dir;
        this.doc = doc;
        validate();
    }

    /** The workspace at {@code dir}, or empty when it holds no vouch.yaml. */
    public static Optional<Workspace> find(Path dir) {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) ? Optional.of(new Workspace(dir, YamlDoc.read(file))) : Optional.empty();
    }

    public static Workspace open(Path dir) {
        return find(dir).orElseThrow(() -> new ConfigException(dir.resolve(FILE)
                + ": not found (is " + dir + " a Vouch workspace? create one with 'vouch init " + dir + "')"));
    }

    public Path dir() {
        return dir;
    }

    public String organization() {
        return doc.root().path("organization").asText(dir.toAbsolutePath().normalize().getFileName().toString());
    }

    public List<String> categories() {
        List<String> out = new ArrayList<>(List.of("security"));
        doc.root().path("categories").forEach(c -> {
            if (!out.contains(c.asText())) {
                out.add(c.asText());
            }
        });
        return out;
    }

    /** The Trust Services categories in scope: security always, plus those listed under 'categories'. */
    public java.util.Set<dev.vouch.catalog.Category> scope() {
        java.util.Set<dev.vouch.catalog.Category> out = java.util.EnumSet.of(dev.vouch.catalog.Category.SECURITY);
        for (String c : categories()) {
            out.add(dev.vouch.catalog.Category.valueOf(c.toUpperCase(java.util.Locale.ROOT)));
        }
        return out;
    }

    /**
     * The history database: a SQLite file ({@code .vouch/vouch.db} by default, relative to the workspace) or a
     * PostgreSQL JDBC URL ({@code jdbc:postgresql://host/db?user=vouch}; the password from VOUCH_DB_PASSWORD).
     */
    public String database() {
        String db = doc.root().path("database").asText(".vouch/vouch.db");
        return dev.vouch.store.Store.isPostgres(db) ? db : dir.resolve(db).toString();
    }

    /** The database as messages name it: the path, or the URL without its parameters (which may hold a password). */
    public String databaseName() {
        return dev.vouch.store.Store.displayName(database());
    }

    /** False only for a SQLite file that does not exist yet (a PostgreSQL database is asked when opened). */
    public boolean hasDatabase() {
        String db = database();
        return dev.vouch.store.Store.isPostgres(db) || Files.exists(Path.of(db));
    }

    public Optional<Severity> failOn() {
        JsonNode n = doc.root().get("failOn");
        return n == null || n.asText().equals("none") ? Optional.empty() : Optional.of(Severity.parse(n.asText()));
    }

    public int gitLookbackDays() {
        return doc.root().path("sources").path("gitLookbackDays").asInt(90);
    }

    /** A fixed start for the git change window (ISO date), instead of a rolling lookback. */
    public Optional<java.time.Instant> gitSince() {
        JsonNode n = doc.root().path("sources").get("gitSince");
        return n == null ? Optional.empty()
                : Optional.of(java.time.LocalDate.parse(n.asText()).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    /**
     * The Type II observation window, {@code observation: {from: 2026-01-01, to: 2026-12-31}} (dates inclusive,
     * UTC), as the {@code FROM..TO} text {@code --period} takes; validated when the workspace is read.
     */
    public Optional<String> observation() {
        JsonNode o = doc.root().get("observation");
        return o == null ? Optional.empty() : Optional.of(o.path("from").asText() + ".." + o.path("to").asText());
    }

    /**
     * The scan schedule: {@code schedule: "0 2 * * *"} (UTC) or {@code schedule: {cron: "0 2 * * 1-5", zone: Europe/Amsterdam}};
     * validated when the workspace is read (docs/scheduling.md).
     */
    public Optional<dev.vouch.schedule.Schedule> schedule() {
        JsonNode n = doc.root().get("schedule");
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        String cron = n.isTextual() ? n.asText() : n.path("cron").asText();
        String zone = n.isObject() ? n.path("zone").asText("UTC") : "UTC";
        return Optional.of(dev.vouch.schedule.Schedule.parse(cron, java.time.ZoneId.of(zone)));
    }

    /** A file holding the AES-256 key that encrypts vault blobs at rest (vault.encryptionKeyFile). */
    public Optional<Path> vaultKeyFile() {
        JsonNode n = doc.root().path("vault").get("encryptionKeyFile");
        return n == null ? Optional.empty() : Optional.of(dir.resolve(n.asText()));
    }

    /** An environment variable holding that key, Base64 (vault.encryptionKeyEnv). */
    public Optional<String> vaultKeyEnv() {
        JsonNode n = doc.root().path("vault").get("encryptionKeyEnv");
        return n == null ? Optional.empty() : Optional.of(n.asText());
    }

    /** sources.github: {owner, repos, apiUrl, changeWindowDays}; the token comes from GITHUB_TOKEN, never from the file. */
    public Optional<dev.vouch.cli.scan.SourceRegistry.GitHubSettings> gitHub() {
        JsonNode g = doc.root().path("sources").get("github");
        if (g == null) {
            return Optional.empty();
        }
        List<String> repos = new ArrayList<>();
        g.path("repos").forEach(r -> repos.add(r.asText()));
        return Optional.of(new dev.vouch.cli.scan.SourceRegistry.GitHubSettings(g.path("owner").asText(), repos,
                g.path("apiUrl").asText(""), g.path("changeWindowDays").asInt(gitLookbackDays())));
    }

    /** sources.aws: true, or {regions: [...]}. */
    public List<String> awsRegions() {
        List<String> out = new ArrayList<>();
        doc.root().path("sources").path("aws").path("regions").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** sources.azure: true, or {subscriptions: [...]} to limit the live Azure source. */
    public List<String> azureSubscriptions() {
        List<String> out = new ArrayList<>();
        doc.root().path("sources").path("azure").path("subscriptions").forEach(n -> out.add(n.asText()));
        return out;
    }

    public List<Path> checkDirs() {
        List<Path> out = new ArrayList<>();
        doc.root().path("checks").forEach(c -> out.add(dir.resolve(c.asText())));
        return out;
    }

    public List<SourceSpec> sources() {
        JsonNode s = doc.root().path("sources");
        List<SourceSpec> out = new ArrayList<>();
        paths(s, "terraform").forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.TERRAFORM, p)));
        paths(s, "arm").forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.ARM, p)));
        if (s.has("azure") && !(s.get("azure").isBoolean() && !s.get("azure").asBoolean())) {
            out.add(new SourceSpec(SourceSpec.Kind.AZURE, Path.of("azure")));
        }
        if (s.has("aws") && !(s.get("aws").isBoolean() && !s.get("aws").asBoolean())) {
            out.add(new SourceSpec(SourceSpec.Kind.AWS, Path.of("aws")));
        }
        if (s.has("github")) {
            out.add(new SourceSpec(SourceSpec.Kind.GITHUB, Path.of(s.path("github").path("owner").asText())));
        }
        if (s.path("entra").asBoolean(false)) {
            out.add(new SourceSpec(SourceSpec.Kind.ENTRA, Path.of("entra")));
        }
        paths(s, "azureExport").forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.AZURE_EXPORT, p)));
        paths(s, "graphExport").forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.GRAPH_EXPORT, p)));
        paths(s, "awsExport").forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.AWS_EXPORT, p)));
        if (s.path("host").asBoolean(false)) {
            out.add(new SourceSpec(SourceSpec.Kind.HOST, Path.of("/")));
        }
        paths(s, "git").forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.GIT, p)));
        return out;
    }

    /**
     * A top-level section that another module reads and validates itself ({@code notifications}, {@code server}):
     * empty when absent or null.
     */
    public Optional<JsonNode> section(String name) {
        JsonNode n = doc.root().get(name);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    /** {@code vouch.yaml:LINE:COL at /json/pointer}, for messages about a field of a section. */
    public String where(String pointer) {
        return doc.where(pointer);
    }

    public List<ExceptionRule> exceptions(Set<String> knownChecks) {
        JsonNode e = doc.root().get("exceptions");
        if (e == null || e.isNull()) {
            return List.of();
        }
        if (e.isTextual()) {
            Path file = dir.resolve(e.asText());
            return ExceptionsFile.read(YamlDoc.read(file), "/exceptions", knownChecks);
        }
        return ExceptionsFile.read(doc, "/exceptions", knownChecks);
    }

    private void validateSchedule(JsonNode n) {
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isTextual() && !(n.isObject() && n.path("cron").isTextual()
                && n.properties().stream().allMatch(e -> Set.of("cron", "zone").contains(e.getKey())))) {
            throw new ConfigException(doc.where("/schedule") + ": 'schedule' must be a cron expression or {cron: \"0 2 * * *\", zone: Europe/Amsterdam}");
        }
        if (n.isObject() && n.has("zone")) {
            try {
                java.time.ZoneId.of(n.path("zone").asText());
            } catch (java.time.DateTimeException e) {
                throw new ConfigException(doc.where("/schedule/zone") + ": 'schedule.zone' must be a time zone such as UTC or Europe/Amsterdam, was '"
                        + n.path("zone").asText() + "'");
            }
        }
        try {
            schedule();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(doc.where(n.isObject() ? "/schedule/cron" : "/schedule") + ": " + e.getMessage());
        }
    }

    private void validateObservation(JsonNode o) {
        if (o == null) {
            return;
        }
        if (!o.isObject() || !o.path("from").isValueNode() || !o.path("to").isValueNode() || o.size() != 2) {
            throw new ConfigException(doc.where("/observation") + ": 'observation' must be {from: DATE, to: DATE}, e.g. "
                    + "{from: 2026-01-01, to: 2026-12-31}");
        }
        for (String f : List.of("from", "to")) {
            try {
                java.time.LocalDate.parse(o.path(f).asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new ConfigException(doc.where("/observation/" + f) + ": 'observation." + f + "' must be a date like 2026-01-01, was '"
                        + o.path(f).asText() + "'");
            }
        }
        if (java.time.LocalDate.parse(o.path("to").asText()).isBefore(java.time.LocalDate.parse(o.path("from").asText()))) {
            throw new ConfigException(doc.where("/observation/to") + ": 'observation.to' (" + o.path("to").asText()
                    + ") is before 'observation.from' (" + o.path("from").asText() + ")");
        }
    }

    private List<Path> paths(JsonNode sources, String field) {
        List<Path> out = new ArrayList<>();
        JsonNode n = sources.get(field);
        if (n == null) {
            return out;
        }
        if (n.isTextual()) {
            out.add(dir.resolve(n.asText()));
        } else {
            n.forEach(p -> out.add(dir.resolve(p.asText())));
        }
        return out;
    }

    private void validate() {
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw new ConfigException(doc.where("") + ": vouch.yaml must be a mapping");
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw new ConfigException(doc.where("/" + f) + ": unknown field '" + f + "' (allowed: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        });
        JsonNode sources = root.path("sources");
        if (!sources.isMissingNode() && !sources.isNull() && !sources.isObject()) {
            throw new ConfigException(doc.where("/sources") + ": 'sources' must be a mapping");
        }
        sources.fieldNames().forEachRemaining(f -> {
            if (!SOURCE_FIELDS.contains(f)) {
                throw new ConfigException(doc.where("/sources/" + f) + ": unknown source '" + f + "' (allowed: "
                        + String.join(", ", SOURCE_FIELDS.stream().sorted().toList()) + ")");
            }
        });
        JsonNode vault = root.path("vault");
        vault.fieldNames().forEachRemaining(f -> {
            if (!VAULT_FIELDS.contains(f)) {
                throw new ConfigException(doc.where("/vault/" + f) + ": unknown field '" + f + "' (allowed: "
                        + String.join(", ", VAULT_FIELDS.stream().sorted().toList()) + ")");
            }
        });
        if (vault.has("encryptionKeyFile") && vault.has("encryptionKeyEnv")) {
            throw new ConfigException(doc.where("/vault") + ": give either 'encryptionKeyFile' or 'encryptionKeyEnv', not both");
        }
        JsonNode azure = sources.get("azure");
        if (azure != null && !azure.isBoolean() && !(azure.isObject() && azure.size() == 1 && azure.path("subscriptions").isArray())) {
            throw new ConfigException(doc.where("/sources/azure") + ": 'azure' must be true, false or {subscriptions: [ids]}");
        }
        JsonNode gh = sources.get("github");
        if (gh != null) {
            if (!gh.isObject() || !gh.path("owner").isTextual() || gh.path("owner").asText().isBlank()) {
                throw new ConfigException(doc.where("/sources/github") + ": 'github' must be {owner: ORG, repos: [..], apiUrl: .., changeWindowDays: ..}");
            }
            gh.fieldNames().forEachRemaining(f -> {
                if (!Set.of("owner", "repos", "apiUrl", "changeWindowDays").contains(f)) {
                    throw new ConfigException(doc.where("/sources/github/" + f) + ": unknown field '" + f
                            + "' (allowed: apiUrl, changeWindowDays, owner, repos; the token comes from GITHUB_TOKEN)");
                }
            });
        }
        JsonNode host = sources.get("host");
        if (host != null && !host.isBoolean()) {
            throw new ConfigException(doc.where("/sources/host") + ": 'host' must be true or false");
        }
        JsonNode since = sources.get("gitSince");
        if (since != null) {
            try {
                java.time.LocalDate.parse(since.asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new ConfigException(doc.where("/sources/gitSince") + ": 'gitSince' must be a date like 2026-08-01, was '"
                        + since.asText() + "'");
            }
            if (sources.has("gitLookbackDays")) {
                throw new ConfigException(doc.where("/sources/gitSince") + ": give either 'gitSince' or 'gitLookbackDays', not both");
            }
        }
        validateObservation(root.get("observation"));
        validateSchedule(root.get("schedule"));
        JsonNode db = root.get("database");
        if (db != null && db.asText().regionMatches(true, 0, "jdbc:", 0, 5) && !dev.vouch.store.Store.isPostgres(db.asText())) {
            throw new ConfigException(doc.where("/database") + ": 'database' must be a file path or a PostgreSQL URL"
                    + " (jdbc:postgresql://host:port/database?user=NAME), was '" + dev.vouch.store.Store.displayName(db.asText()) + "'");
        }
        JsonNode cats = root.path("categories");
        for (int i = 0; i < cats.size(); i++) {
            if (!CATEGORIES.contains(cats.get(i).asText())) {
                throw new ConfigException(doc.where("/categories/" + i) + ": unknown category '" + cats.get(i).asText()
                        + "' (allowed: " + String.join(", ", CATEGORIES.stream().sorted().toList()) + ")");
            }
        }
        JsonNode failOn = root.get("failOn");
        if (failOn != null && !failOn.asText().equals("none")) {
            try {
                Severity.parse(failOn.asText());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(doc.where("/failOn") + ": 'failOn' " + e.getMessage());
            }
        }
    }
}
