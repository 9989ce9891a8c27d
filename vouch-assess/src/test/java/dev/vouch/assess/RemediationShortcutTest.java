package dev.vouch.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.catalog.Control;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The remediation planner re-scores only the controls a fix touches and takes the overall score from the
 * categories alone. On the real catalog (checks shared by several controls and categories) every item's
 * "overall after" must equal a full re-scoring with that fix applied.
 */
class RemediationShortcutTest {
    @Test
    void everyFixMatchesAFullRescoring() {
        Catalog catalog = Catalog.loadDefault();
        Set<Category> scope = EnumSet.of(Category.SECURITY, Category.AVAILABILITY, Category.CONFIDENTIALITY);
        Scorer scorer = new Scorer(catalog, scope, Clock.fixed(Instant.parse("2026-06-30T00:00:00Z"), ZoneOffset.UTC));
        Set<String> checks = new LinkedHashSet<>();
        for (Control c : catalog.controls()) {
            checks.addAll(c.checks());
        }
        List<Finding> findings = new ArrayList<>();
        int i = 0;
        for (String check : checks) {
            for (int r = 0; r < 3; r++) {
                Outcome o = (i + r) % 4 == 0 ? Outcome.FAIL : (i + r) % 7 == 0 ? Outcome.ERROR : Outcome.PASS;
                findings.add(new Finding(check, Severity.values()[i % 4], "t", "res-" + r, "res-" + r, "test", o, "",
                        Origin.of("test", "fixture"), ""));
            }
            i++;
        }
        Assessment a = scorer.score(findings, List.of());
        assertThat(scorer.overall(findings, List.of())).isEqualTo(a.overall());
        List<RemediationItem> fixes = a.remediation().stream().filter(r -> r.kind() == RemediationItem.Kind.FIX_CHECK).toList();
        assertThat(fixes).hasSizeGreaterThan(20);
        for (RemediationItem fix : fixes) {
            List<Finding> fixed = findings.stream()
                    .map(f -> f.checkId().equals(fix.id()) && f.outcome().isNonPassing() ? f.withOutcome(Outcome.PASS, "") : f)
                    .toList();
            assertThat(fix.overallAfter()).as(fix.id()).isEqualTo(scorer.score(fixed, List.of()).overall());
        }
    }
}
