package dev.vouch.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** The catalog's cross-reference rules; each broken rule is one human-readable sentence. */
final class IntegrityRules {

    private IntegrityRules() {
    }

    static List<String> problems(Catalog catalog, Set<String> checkIds, IdRegistry registry) {
        List<String> out = new ArrayList<>();
        duplicates(out, "group", catalog.groups(), CriterionGroup::id);
        duplicates(out, "criterion", catalog.criteria(), Criterion::id);
        duplicates(out, "control", catalog.controls(), Control::id);
        Set<String> criterionIds = new TreeSet<>();
        catalog.criteria().forEach(c -> criterionIds.add(c.id()));
        for (Control c : catalog.controls()) {
            for (String id : c.criteria()) {
                if (!criterionIds.contains(id)) {
                    out.add("control " + c.id() + " references unknown criterion " + id);
                }
            }
            if (registry.isRetired(c.id())) {
                out.add("control " + c.id() + " uses an id that is retired in the id registry; issue a new id");
            }
        }
        CheckMapping mapping = catalog.mapChecks(checkIds);
        mapping.missing().forEach((control, checks) -> checks.forEach(
                check -> out.add("control " + control + " references check " + check + ", which does not exist")));
        mapping.unmapped().forEach(check -> out.add("check " + check + " is mapped to no control"));
        uncoveredSecurity(out, catalog);
        return List.copyOf(out);
    }

    /** Security is in scope in every report, so every common criterion needs a control. */
    private static void uncoveredSecurity(List<String> out, Catalog catalog) {
        for (Criterion c : catalog.criteria()) {
            if (c.category() == Category.SECURITY && catalog.controlsForCriterion(c.id()).isEmpty()) {
                out.add("criterion " + c.id() + " (security, always in scope) is addressed by no control");
            }
        }
    }

    private static <T> void duplicates(List<String> out, String kind, List<T> items, Function<T, String> id) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        items.forEach(i -> counts.merge(id.apply(i), 1, Integer::sum));
        counts.forEach((k, n) -> {
            if (n > 1) {
                out.add("duplicate " + kind + " id " + k + " (" + n + " entries)");
            }
        });
    }

    /** Per check id, the controls that reference it, in control order. */
    static Map<String, List<Control>> controlsByCheck(List<Control> controls) {
        Map<String, List<Control>> out = new HashMap<>();
        for (Control c : controls) {
            for (String check : c.checks()) {
                out.computeIfAbsent(check, k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    static CheckMapping mapChecks(List<Control> controls, Set<String> existing) {
        Map<String, Set<String>> missing = new TreeMap<>();
        Set<String> referenced = new TreeSet<>();
        for (Control c : controls) {
            for (String check : c.checks()) {
                referenced.add(check);
                if (!existing.contains(check)) {
                    missing.computeIfAbsent(c.id(), k -> new TreeSet<>()).add(check);
                }
            }
        }
        Set<String> mapped = new TreeSet<>(existing);
        mapped.retainAll(referenced);
        Set<String> unmapped = new TreeSet<>(existing);
        unmapped.removeAll(referenced);
        return CheckMapping.of(missing, mapped, unmapped);
    }
}
