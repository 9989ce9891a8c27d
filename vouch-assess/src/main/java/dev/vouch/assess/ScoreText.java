package dev.vouch.assess;

import dev.vouch.model.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Plain-text rendering of {@code vouch score} and {@code vouch score --explain ID}. */
public final class ScoreText {

    private final int remediationLimit;

    /** @param remediationLimit how many remediation items the summary lists (10 for {@code vouch score}) */
    public ScoreText(int remediationLimit) {
        if (remediationLimit < 0) {
            throw new IllegalArgumentException("remediationLimit must be >= 0, was " + remediationLimit);
        }
        this.remediationLimit = remediationLimit;
    }

    /** Overall and band, categories, the criteria table, not-tested controls, top remediation items. */
    public String summary(Assessment a) {
        StringBuilder out = new StringBuilder();
        out.append("SOC 2 readiness at ").append(a.at()).append(" (scope: ")
                .append(a.scope().stream().map(c -> c.title()).collect(Collectors.joining(", "))).append(")\n");
        out.append("Overall ").append(Num.f(a.overall())).append("  ").append(bandText(a.band(), a.status())).append('\n');
        out.append("  ").append(a.overallArithmetic()).append("\n\nCategories (weight = sum of control weights)\n");
        for (CategoryScore c : a.categories()) {
            out.append(String.format(Locale.ROOT, "  %-22s %5s  %-22s weight %6s  controls %d, not tested %d%n",
                    c.category().title(), Num.f(c.score()), bandText(c.band(), c.status()), Num.f(c.weight()),
                    c.controlIds().size(), c.notTested()));
        }
        out.append("\nCriteria\n").append(String.format(Locale.ROOT, "  %-8s %5s  %-22s %8s  %s%n",
                "ID", "SCORE", "BAND", "CONTROLS", "NOT TESTED"));
        for (CriterionScore c : a.criteria()) {
            out.append(String.format(Locale.ROOT, "  %-8s %5s  %-22s %8d  %d%n", c.criterionId(), Num.f(c.score()),
                    bandText(c.band(), c.status()), c.controlIds().size(), c.notTested()));
        }
        notTested(out, a.notTested());
        remediation(out, a.remediation());
        if (!a.unmappedChecks().isEmpty()) {
            out.append("\nChecks with findings that no in-scope control lists (not scored): ")
                    .append(String.join(", ", a.unmappedChecks())).append('\n');
        }
        return out.append("\nExplain any number: vouch score --explain <criterion | control | category>\n").toString();
    }

    private static void notTested(StringBuilder out, List<ControlScore> controls) {
        out.append("\nNot tested (never counted as passing: each counts as 0 with its weight): ")
                .append(controls.size()).append('\n');
        for (ControlScore c : controls) {
            out.append(String.format(Locale.ROOT, "  %-12s %-10s %-9s %s%n", c.controlId(), c.type().key(),
                    c.nature().key(), c.title()));
        }
    }

    private void remediation(StringBuilder out, List<RemediationItem> items) {
        int shown = Math.min(remediationLimit, items.size());
        out.append("\nRemediation, by overall score gain if fixed (top ").append(shown).append(" of ")
                .append(items.size()).append(")\n");
        for (RemediationItem r : items.subList(0, shown)) {
            out.append(String.format(Locale.ROOT, "  %+5.1f → %5s  %s%n", r.gain(), Num.f(r.overallAfter()), r.action()));
        }
    }

    /** The tree behind one number, ending with the subject's formula. */
    public String explain(Explanation e) {
        StringBuilder out = new StringBuilder();
        out.append(e.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(e.subject()).append(": ")
                .append(e.title()).append('\n');
        out.append(e.lines().get(0)).append('\n');
        for (ControlScore c : e.controls()) {
            control(out, c);
        }
        out.append('\n').append(e.lines().get(e.lines().size() - 1)).append('\n');
        if (e.kind() != Explanation.Kind.CONTROL) {
            out.append(e.subject()).append(": ").append(Num.f(e.score())).append("  ")
                    .append(bandText(e.band(), e.status())).append('\n');
        }
        return out.toString();
    }

    private static void control(StringBuilder out, ControlScore c) {
        out.append("\ncontrol ").append(c.controlId()).append(": ").append(c.title()).append('\n');
        out.append("  ").append(c.type().key()).append(", weight ").append(Num.f(c.weight())).append(", ")
                .append(c.nature().key()).append(", ").append(c.tested() ? "score " + Num.f(c.score()) : "NOT TESTED")
                .append('\n');
        for (CheckScore cs : c.checks()) {
            out.append("  check ").append(cs.checkId()).append(" (").append(cs.severity().label()).append(", w=")
                    .append(cs.weight()).append("): ").append(cs.passing()).append(" passing of ").append(cs.applicable())
                    .append(" applicable; ").append(outcomes(cs)).append('\n');
            if (!cs.nonPassingResourceIds().isEmpty()) {
                out.append("    non-passing: ").append(String.join(", ", cs.nonPassingResourceIds())).append('\n');
            }
        }
        c.checksWithoutFindings().forEach(id -> out.append("  check ").append(id).append(": no findings\n"));
        for (EvidenceStatus e : c.evidenceRequirements()) {
            out.append("  evidence ").append(e.type().key()).append(" (").append(e.cadence().key()).append("): ")
                    .append(e.freshness()).append(" — ").append(e.description()).append('\n');
        }
        c.arithmetic().forEach(line -> out.append("    ").append(line).append('\n'));
    }

    private static String outcomes(CheckScore cs) {
        return cs.outcomes().entrySet().stream().filter(en -> en.getValue() > 0)
                .map(en -> en.getKey().name() + " " + en.getValue()).collect(Collectors.joining(", "))
                + (cs.outcomes().getOrDefault(Outcome.EXCEPTED, 0) > 0 ? " (EXCEPTED counts as passing)" : "");
    }

    private static String bandText(Band band, Status status) {
        return status == Status.NOT_TESTED ? "NOT TESTED" : band.label().toUpperCase(Locale.ROOT);
    }
}
