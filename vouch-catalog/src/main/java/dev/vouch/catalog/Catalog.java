package dev.vouch.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SOC 2 catalog: criteria, the control library, and the links from controls to criteria and
 * to checks. Immutable; load it with {@link #loadDefault()} or {@link #load(Path, Path)}.
 * Loading rejects malformed files; {@link #integrityProblems(Set)} reports broken cross-references.
 */
public final class Catalog {

    static final String RESOURCE_DIR = "catalog/";

    private final String framework;
    private final List<CriterionGroup> groups;
    private final List<Criterion> criteria;
    private final List<Control> controls;
    private final IdRegistry registry;
    private final Map<String, Criterion> criterionById = new LinkedHashMap<>();
    private final Map<String, Control> controlById = new LinkedHashMap<>();
    private final Map<String, List<Control>> controlsByCheck;

    private Catalog(String framework, List<CriterionGroup> groups, List<Criterion> criteria, List<Control> controls,
            IdRegistry registry) {
        this.framework = framework;
        this.groups = List.copyOf(groups);
        this.criteria = List.copyOf(criteria);
        this.controls = List.copyOf(controls);
        this.registry = registry;
        criteria.forEach(c -> criterionById.putIfAbsent(c.id(), c));
        controls.forEach(c -> controlById.putIfAbsent(c.id(), c));
        this.controlsByCheck = IntegrityRules.controlsByCheck(controls);
    }

    /** The catalog shipped with Vouch (classpath {@code catalog/criteria.yaml} and {@code catalog/controls.yaml}). */
    public static Catalog loadDefault() {
        return build(RESOURCE_DIR + "criteria.yaml", resource("criteria.yaml"),
                RESOURCE_DIR + "controls.yaml", resource("controls.yaml"));
    }

    /** A user's own copy of the catalog files. Retired ids are judged against the shipped id registry. */
    public static Catalog load(Path criteriaYaml, Path controlsYaml) {
        return build(criteriaYaml.toString(), read(criteriaYaml), controlsYaml.toString(), read(controlsYaml));
    }

    /**
     * Writes the shipped {@code criteria.yaml} and {@code controls.yaml} into {@code directory} (created
     * if needed) so a user can edit their own copy; never overwrites an existing file.
     *
     * @return the two files written, criteria first
     */
    public static List<Path> copyDefaultTo(Path directory) {
        List<Path> written = List.of(directory.resolve("criteria.yaml"), directory.resolve("controls.yaml"));
        for (Path p : written) {
            if (Files.exists(p)) {
                throw new CatalogException(p + ": already exists; not overwriting it");
            }
        }
        try {
            Files.createDirectories(directory);
            for (Path p : written) {
                Files.writeString(p, resource(p.getFileName().toString()), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new CatalogException(directory + ": cannot write the default catalog: " + e.getMessage(), e);
        }
        return written;
    }

    private static Catalog build(String criteriaFile, String criteriaText, String controlsFile, String controlsText) {
        Yaml yaml = new Yaml();
        CriteriaParser.Parsed parsed = new CriteriaParser(yaml).parse(criteriaFile, criteriaText);
        List<Control> controls = new ControlsParser(yaml).parse(controlsFile, controlsText);
        return new Catalog(parsed.framework(), parsed.groups(), parsed.criteria(), controls, defaultRegistry());
    }

    /**
     * This catalog with official criterion text overlaid, from a file the user holds a licence for:
     * YAML (a mapping of criterion id to text) or CSV (header {@code id,text}). Unknown ids are errors.
     */
    public Catalog withOfficialText(Path file) {
        Map<String, String> text = OfficialText.read(file.toString(), read(file), criterionById.keySet(), new Yaml());
        List<Criterion> merged = criteria.stream()
                .map(c -> text.containsKey(c.id()) ? c.withOfficialText(text.get(c.id())) : c)
                .toList();
        return new Catalog(framework, groups, merged, controls, registry);
    }

    /** The framework the criteria belong to, as named in {@code criteria.yaml}. */
    public String framework() {
        return framework;
    }

    public List<CriterionGroup> groups() {
        return groups;
    }

    /** All criteria, in file order. */
    public List<Criterion> criteria() {
        return criteria;
    }

    public Optional<Criterion> criterion(String id) {
        return Optional.ofNullable(criterionById.get(id));
    }

    /** The categories that have criteria, in {@link Category} order. */
    public Set<Category> categories() {
        Set<Category> out = EnumSet.noneOf(Category.class);
        criteria.forEach(c -> out.add(c.category()));
        return out;
    }

    /** The criteria of one category, in file order. */
    public List<Criterion> criteria(Category category) {
        return criteria.stream().filter(c -> c.category() == category).toList();
    }

    /** All controls, in file order. */
    public List<Control> controls() {
        return controls;
    }

    public Optional<Control> control(String id) {
        return Optional.ofNullable(controlById.get(id));
    }

    /** The controls that list the check, in file order; empty for an unmapped check. */
    public List<Control> controlsForCheck(String checkId) {
        return controlsByCheck.getOrDefault(checkId, List.of());
    }

    /** The controls that address the criterion, in file order. */
    public List<Control> controlsForCriterion(String criterionId) {
        return controls.stream().filter(c -> c.criteria().contains(criterionId)).toList();
    }

    /** The criteria a check supports through its controls, in criteria-file order, without repeats. */
    public List<Criterion> criteriaForCheck(String checkId) {
        Set<String> ids = new LinkedHashSet<>();
        controlsForCheck(checkId).forEach(c -> ids.addAll(c.criteria()));
        return criteria.stream().filter(c -> ids.contains(c.id())).toList();
    }

    /** Every check id some control references, in first-reference order. */
    public Set<String> referencedCheckIds() {
        Set<String> out = new LinkedHashSet<>();
        controls.forEach(c -> out.addAll(c.checks()));
        return out;
    }

    /** Compares the checks the controls reference with the checks that exist. */
    public CheckMapping mapChecks(Set<String> existingCheckIds) {
        return IntegrityRules.mapChecks(controls, existingCheckIds);
    }

    /**
     * Broken cross-references, one sentence each (empty when the catalog is sound): duplicate ids,
     * unknown criteria, checks referenced but absent from {@code checkIds}, checks in {@code checkIds}
     * mapped to no control, retired control ids in use, and common criteria no control addresses.
     */
    public List<String> integrityProblems(Set<String> checkIds) {
        return IntegrityRules.problems(this, checkIds, registry);
    }

    /** Throws a {@link CatalogException} listing every problem when {@link #integrityProblems} is not empty. */
    public void requireIntegrity(Set<String> checkIds) {
        List<String> problems = integrityProblems(checkIds);
        if (!problems.isEmpty()) {
            throw new CatalogException("catalog integrity: " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    IdRegistry registry() {
        return registry;
    }

    static IdRegistry defaultRegistry() {
        return IdRegistry.parse(RESOURCE_DIR + "id-registry.tsv", resource("id-registry.tsv"));
    }

    static String resource(String name) {
        String path = RESOURCE_DIR + name;
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new CatalogException(path + ": not found on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Catalog[" + framework + ", " + criteria.size() + " criteria, " + controls.size() + " controls]";
    }
}
