package dev.vouch.assess;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.catalog.Control;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores in-scope controls and rolls them up, from check scores and evidence, at a fixed "now". */
final class Evaluator {

    record Evaluation(Map<String, ControlScore> controls, Rollup.Result rollup) {
        double overall() {
            return rollup.overall().doubleValue();
        }
    }

    private final Catalog catalog;
    private final Set<Category> scope;
    private final Instant now;
    private final Map<String, List<String>> inScope;

    Evaluator(Catalog catalog, Set<Category> scope, Instant now) {
        this.catalog = catalog;
        this.scope = scope;
        this.now = now;
        this.inScope = Rollup.inScopeControls(catalog, scope);
    }

    Evaluation evaluate(Map<String, CheckScore> checks, List<EvidenceItem> items) {
        Map<String, ControlScore> controls = new LinkedHashMap<>();
        inScope.forEach((id, criteria) -> controls.put(id, ControlScoring.score(control(id), criteria, checks, items, now)));
        return new Evaluation(controls, Rollup.of(catalog, scope, controls));
    }

    /**
     * The overall score of {@link #evaluate} when only the {@code changed} controls can differ from {@code base}: the
     * others keep their base scores (a control's score depends only on its own checks and evidence), so one
     * candidate fix costs one control, not all of them. Same result as {@code evaluate(checks, items).overall()}.
     */
    double reevaluateOverall(Evaluation base, java.util.Collection<String> changed, Map<String, CheckScore> checks,
            List<EvidenceItem> items) {
        Map<String, ControlScore> controls = new LinkedHashMap<>(base.controls());
        for (String id : changed) {
            List<String> criteria = inScope.get(id);
            if (criteria != null) {
                controls.put(id, ControlScoring.score(control(id), criteria, checks, items, now));
            }
        }
        return Rollup.overallOnly(catalog, scope, controls).doubleValue();
    }

    /** The overall score of {@link #evaluate}, without the per-criterion rollup it does not depend on. */
    double overall(Map<String, CheckScore> checks, List<EvidenceItem> items) {
        Map<String, ControlScore> controls = new LinkedHashMap<>();
        inScope.forEach((id, criteria) -> controls.put(id, ControlScoring.score(control(id), criteria, checks, items, now)));
        return Rollup.overallOnly(catalog, scope, controls).doubleValue();
    }

    Control control(String id) {
        return catalog.control(id).orElseThrow(() -> new IllegalStateException("control " + id + " vanished"));
    }

    /** In-scope control ids that list the check, in catalog order. */
    List<String> controlsForCheck(String checkId) {
        return catalog.controlsForCheck(checkId).stream().map(Control::id).filter(inScope::containsKey).toList();
    }

    Set<String> inScopeControlIds() {
        return inScope.keySet();
    }

    Instant now() {
        return now;
    }
}
