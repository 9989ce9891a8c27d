package dev.vouch.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds an {@link Explanation} from an {@link Assessment}. */
final class Explainer {

    private Explainer() {
    }

    static Explanation explain(Assessment a, String id) {
        String key = id.trim();
        Optional<CriterionScore> criterion = a.criterion(key.toUpperCase(Locale.ROOT));
        if (criterion.isPresent()) {
            CriterionScore c = criterion.get();
            return of(a, c.criterionId(), Explanation.Kind.CRITERION, c.text(), c.status(), c.score(),
                    c.controlIds(), c.arithmetic());
        }
        Optional<ControlScore> control = a.control(key.toUpperCase(Locale.ROOT));
        if (control.isPresent()) {
            ControlScore c = control.get();
            return new Explanation(c.controlId(), Explanation.Kind.CONTROL, c.title(), c.status(), c.score(),
                    Band.of(c.score()), List.of(c), withNow(a, c.arithmetic()));
        }
        Optional<CategoryScore> category = a.categories().stream()
                .filter(c -> c.category().key().equalsIgnoreCase(key) || c.category().title().equalsIgnoreCase(key))
                .findFirst();
        if (category.isPresent()) {
            CategoryScore c = category.get();
            return of(a, c.category().key(), Explanation.Kind.CATEGORY, c.category().title(), c.status(), c.score(),
                    c.controlIds(), c.arithmetic());
        }
        throw new IllegalArgumentException("'" + id + "' is not an in-scope criterion (e.g. CC6.1), control"
                + " (e.g. VC-IAM-01) or category (e.g. security); in scope: "
                + a.scope().stream().map(s -> s.key()).toList());
    }

    private static Explanation of(Assessment a, String subject, Explanation.Kind kind, String title, Status status,
            double score, List<String> controlIds, String formula) {
        List<ControlScore> controls = controlIds.stream().map(a::control).flatMap(Optional::stream).toList();
        List<String> lines = new ArrayList<>();
        controls.forEach(c -> lines.addAll(c.arithmetic()));
        lines.add(formula);
        return new Explanation(subject, kind, title, status, score, Band.of(score), controls, withNow(a, lines));
    }

    private static List<String> withNow(Assessment a, List<String> lines) {
        List<String> out = new ArrayList<>();
        out.add("now = " + a.at());
        out.addAll(lines);
        return out;
    }
}
