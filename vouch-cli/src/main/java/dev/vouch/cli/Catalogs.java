package dev.vouch.cli;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Criterion;
import dev.vouch.engine.Check;
import dev.vouch.engine.CheckLoadException;
import dev.vouch.engine.CheckLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bundled checks (plus any custom check folders) and the SOC 2 catalog, loaded together. */
record Catalogs(List<Check> checks, Catalog catalog) {

    static Catalogs load(List<Path> workspaceCheckDirs, List<Path> extraCheckDirs) {
        CheckLoader loader = new CheckLoader();
        List<Check> checks = new ArrayList<>(loader.loadClasspath());
        List<Path> dirs = new ArrayList<>(workspaceCheckDirs);
        dirs.addAll(extraCheckDirs);
        Map<String, String> seen = new HashMap<>();
        checks.forEach(c -> seen.put(c.id(), c.info().path()));
        for (Path dir : dirs) {
            for (Check c : loader.loadDirectory(dir)) {
                String prior = seen.putIfAbsent(c.id(), c.info().path());
                if (prior != null) {
                    throw new CheckLoadException(List.of("Check " + c.id() + " (" + dir.resolve(c.info().path())
                            + "): id already used by " + prior + "; custom checks need their own ids"));
                }
                checks.add(c);
            }
        }
        return new Catalogs(List.copyOf(checks), Catalog.loadDefault());
    }

    static Catalogs bundled() {
        return load(List.of(), List.of());
    }

    /** Check id → control ids that list the check. */
    Map<String, List<String>> controlsByCheck() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Check c : checks) {
            out.put(c.id(), catalog.controlsForCheck(c.id()).stream().map(dev.vouch.catalog.Control::id).toList());
        }
        return out;
    }

    /** Check id → criterion ids, through the controls that list the check. */
    Map<String, List<String>> criteriaByCheck() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Check c : checks) {
            out.put(c.id(), catalog.criteriaForCheck(c.id()).stream().map(Criterion::id).toList());
        }
        return out;
    }
}
