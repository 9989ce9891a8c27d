package dev.vouch.assess;

import dev.vouch.catalog.Category;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A scored snapshot: overall, per category, per criterion and per control, the remediation list and
 * the means to explain any number. JSON-ready (records, lists and enums only).
 *
 * @param at the clock's "now" when scored; evidence freshness is judged against it
 * @param scope the in-scope categories, in {@link Category} order (always including security)
 * @param status SCORED when at least one in-scope control is tested
 * @param overall 0–100
 * @param band the band of {@code overall}
 * @param overallArithmetic categories weighted by their controls' weight sums
 * @param categories in-scope categories with controls
 * @param criteria in-scope criteria, in catalog order
 * @param controls in-scope controls, in catalog order
 * @param remediation ordered by gain (desc), then severity, then id
 * @param unmappedChecks checks with findings that no in-scope control lists (not scored)
 */
public record Assessment(Instant at, List<Category> scope, Status status, double overall, Band band,
        String overallArithmetic, List<CategoryScore> categories, List<CriterionScore> criteria,
        List<ControlScore> controls, List<RemediationItem> remediation, List<String> unmappedChecks) {

    public Assessment {
        scope = List.copyOf(scope);
        categories = List.copyOf(categories);
        criteria = List.copyOf(criteria);
        controls = List.copyOf(controls);
        remediation = List.copyOf(remediation);
        unmappedChecks = List.copyOf(unmappedChecks);
    }

    public Optional<ControlScore> control(String controlId) {
        return controls.stream().filter(c -> c.controlId().equals(controlId)).findFirst();
    }

    public Optional<CriterionScore> criterion(String criterionId) {
        return criteria.stream().filter(c -> c.criterionId().equals(criterionId)).findFirst();
    }

    /** In-scope controls with neither applicable check findings nor evidence: counted as 0. */
    public List<ControlScore> notTested() {
        return controls.stream().filter(c -> !c.tested()).toList();
    }

    /**
     * The tree and arithmetic behind a criterion ({@code CC6.1}), a control ({@code VC-IAM-03}) or a
     * category ({@code security}).
     *
     * @throws IllegalArgumentException when the id is none of those in scope
     */
    public Explanation explain(String criterionOrControlId) {
        return Explainer.explain(this, criterionOrControlId);
    }
}
