package dev.vouch.assess;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.Criterion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rolls control scores up into criteria, categories and the overall score. */
final class Rollup {

    record Result(List<CriterionScore> criteria, List<CategoryScore> categories, BigDecimal overall,
            Status overallStatus, String overallArithmetic) {
    }

    private Rollup() {
    }

    static Result of(Catalog catalog, Set<Category> scope, Map<String, ControlScore> controls) {
        List<CriterionScore> criteria = new ArrayList<>();
        for (Criterion c : catalog.criteria()) {
            if (scope.contains(c.category())) {
                criteria.add(criterion(c, controlsOf(catalog.controlsForCriterion(c.id()), controls)));
            }
        }
        return overall(criteria, categories(catalog, scope, controls));
    }

    /**
     * The overall score alone: the categories and their weighted mean, exactly as {@link #of} computes them
     * (criteria scores do not feed the overall score, so they are skipped).
     */
    static BigDecimal overallOnly(Catalog catalog, Set<Category> scope, Map<String, ControlScore> controls) {
        return overall(List.of(), categories(catalog, scope, controls)).overall();
    }

    private static List<CategoryScore> categories(Catalog catalog, Set<Category> scope, Map<String, ControlScore> controls) {
        List<CategoryScore> categories = new ArrayList<>();
        for (Category cat : scope) {
            List<ControlScore> list = controls.values().stream()
                    .filter(cs -> cs.criteria().stream().anyMatch(id -> catalog.criterion(id)
                            .map(cr -> cr.category() == cat).orElse(false)))
                    .toList();
            if (!list.isEmpty()) {
                categories.add(category(cat, list));
            }
        }
        return categories;
    }

    private static List<ControlScore> controlsOf(List<Control> catalogControls, Map<String, ControlScore> scored) {
        return catalogControls.stream().map(c -> scored.get(c.id())).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Num.Term> terms(List<ControlScore> controls) {
        return controls.stream().map(c -> new Num.Term(Num.of(c.weight()), Num.of(c.score()), c.tested())).toList();
    }

    private static CriterionScore criterion(Criterion c, List<ControlScore> controls) {
        int notTested = (int) controls.stream().filter(cs -> !cs.tested()).count();
        List<String> ids = controls.stream().map(ControlScore::controlId).toList();
        if (controls.isEmpty()) {
            return new CriterionScore(c.id(), c.category(), c.text(), Status.NOT_TESTED, 0, Band.NOT_READY, 0, ids, 0,
                    c.id() + " = NOT TESTED (no control addresses it)");
        }
        Num.Mean mean = Num.mean(terms(controls));
        Status status = notTested == controls.size() ? Status.NOT_TESTED : Status.SCORED;
        double score = mean.value().doubleValue();
        return new CriterionScore(c.id(), c.category(), c.text(), status, score, Band.of(score),
                mean.weight().doubleValue(), ids, notTested, c.id() + " = " + mean.text());
    }

    private static CategoryScore category(Category cat, List<ControlScore> controls) {
        int notTested = (int) controls.stream().filter(cs -> !cs.tested()).count();
        Num.Mean mean = Num.mean(terms(controls));
        Status status = notTested == controls.size() ? Status.NOT_TESTED : Status.SCORED;
        double score = mean.value().doubleValue();
        return new CategoryScore(cat, status, score, Band.of(score), mean.weight().doubleValue(),
                controls.stream().map(ControlScore::controlId).toList(), notTested, cat.key() + " = " + mean.text());
    }

    /** Categories weighted by their controls' weight sums. */
    private static Result overall(List<CriterionScore> criteria, List<CategoryScore> categories) {
        if (categories.isEmpty()) {
            return new Result(criteria, categories, BigDecimal.ZERO.setScale(1), Status.NOT_TESTED,
                    "overall = NOT TESTED (no in-scope control)");
        }
        List<Num.Term> terms = categories.stream()
                .map(c -> new Num.Term(Num.of(c.weight()), Num.of(c.score()), true)).toList();
        Num.Mean mean = Num.mean(terms);
        boolean any = categories.stream().anyMatch(c -> c.status() == Status.SCORED);
        return new Result(criteria, categories, mean.value(), any ? Status.SCORED : Status.NOT_TESTED,
                "overall = " + mean.text());
    }

    /** Controls in catalog order, keyed by id, restricted to those addressing an in-scope criterion. */
    static Map<String, List<String>> inScopeControls(Catalog catalog, Set<Category> scope) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Control c : catalog.controls()) {
            List<String> ids = c.criteria().stream()
                    .filter(id -> catalog.criterion(id).map(cr -> scope.contains(cr.category())).orElse(false))
                    .toList();
            if (!ids.isEmpty()) {
                out.put(c.id(), ids);
            }
        }
        return out;
    }
}
