package dev.vouch.engine;

import dev.cel.runtime.CelAttributePattern;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelUnknownSet;
import dev.cel.runtime.PartialVars;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One check's runnable programs, and the verdict rules of docs/checks.md. Each expression has two
 * programs: a plain one for fully-known resources and one that tracks CEL unknowns, used only for
 * resources with unresolved values (tracking costs on every attribute access).
 */
record CheckProgram(Check check, Programs plain, Programs partial, List<CelRuntime.Program> joinPrograms,
        List<CelRuntime.Program> keyPrograms) {

    record Programs(CelRuntime.Program when, CelRuntime.Program assertion, CelRuntime.Program message) {
        static Programs of(Check c, CelRuntime runtime) throws CelEvaluationException {
            return new Programs(c.when().isPresent() ? runtime.createProgram(c.when().get()) : null,
                    runtime.createProgram(c.assertion()),
                    c.message().isPresent() ? runtime.createProgram(c.message().get()) : null);
        }
    }

    static CheckProgram create(Check c, CelRuntime plain, CelRuntime partial) throws CelEvaluationException {
        List<CelRuntime.Program> joins = new ArrayList<>();
        List<CelRuntime.Program> keys = new ArrayList<>();
        for (Check.Join j : c.joins()) {
            joins.add(plain.createProgram(j.on()));
            keys.add(j.key() == null ? null : plain.createProgram(j.key()));
        }
        return new CheckProgram(c, Programs.of(c, plain), Programs.of(c, partial), joins, keys);
    }

    List<Finding> evaluateAll(List<Resource> resources, Function<Resource, Map<String, Object>> view, JoinIndex joins) {
        List<Finding> out = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            out.add(evaluate(r, view, joins));
        }
        return out;
    }

    private Finding evaluate(Resource r, Function<Resource, Map<String, Object>> view, JoinIndex joins) {
        if (r.hasErrors()) {
            return finding(r, Outcome.ERROR, "Could not read the data this check needs: " + String.join("; ", r.errors()));
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("resource", view.apply(r));
        Map<String, Object> related = check.joins().isEmpty() ? Map.of() : joins.related(check.joins(), joinPrograms, keyPrograms, r);
        if (related.containsKey(JoinIndex.UNREADABLE)) {
            return finding(r, Outcome.ERROR, "Could not read related data this check needs: "
                    + String.join("; ", reasons(related.get(JoinIndex.UNREADABLE))));
        }
        vars.put("related", related);
        List<CelAttributePattern> unknowns = r.unknowns().isEmpty() ? List.of()
                : r.unknowns().stream().map(CelView::unknownPattern).toList();
        Programs p = unknowns.isEmpty() ? plain : partial;
        Object applies = p.when() == null ? Boolean.TRUE : run(p.when(), vars, unknowns);
        if (!(applies instanceof Boolean)) {
            return undecided(r, applies, "applicability");
        }
        if (!(Boolean) applies) {
            return finding(r, Outcome.NOT_APPLICABLE, "");
        }
        Object verdict = run(p.assertion(), vars, unknowns);
        if (!(verdict instanceof Boolean)) {
            return undecided(r, verdict, "verdict");
        }
        return (Boolean) verdict
                ? finding(r, Outcome.PASS, "")
                : finding(r, Outcome.FAIL, failureMessage(p, vars, unknowns));
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasons(Object o) {
        return (List<String>) o;
    }

    /** The value of a program: Boolean, String, CelUnknownSet, or the CelEvaluationException itself. */
    private static Object run(CelRuntime.Program p, Map<String, Object> vars, List<CelAttributePattern> unknowns) {
        try {
            return unknowns.isEmpty() ? p.eval(vars) : p.eval(PartialVars.of(vars, unknowns.toArray(new CelAttributePattern[0])));
        } catch (CelEvaluationException e) {
            return e;
        } catch (RuntimeException e) {
            return new CelEvaluationException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private Finding undecided(Resource r, Object value, String what) {
        if (value instanceof CelUnknownSet u) {
            String paths = u.attributes().stream().map(Object::toString).sorted().distinct()
                    .collect(Collectors.joining(", "));
            return finding(r, Outcome.UNKNOWN, "The " + what + " depends on values the source does not resolve: "
                    + (paths.isEmpty() ? String.join(", ", r.unknowns()) : paths));
        }
        if (value instanceof CelEvaluationException e) {
            return finding(r, Outcome.ERROR, "Check " + check.id() + " could not evaluate its " + what
                    + ": " + CheckLoader.firstLine(e.getMessage()));
        }
        return finding(r, Outcome.ERROR, "Check " + check.id() + ": the " + what + " expression returned "
                + value + " instead of a boolean");
    }

    private String failureMessage(Programs p, Map<String, Object> vars, List<CelAttributePattern> unknowns) {
        if (p.message() != null) {
            Object m = run(p.message(), vars, unknowns);
            if (m instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return "Not met: " + check.info().title();
    }

    private Finding finding(Resource r, Outcome outcome, String msg) {
        CheckInfo i = check.info();
        return new Finding(i.id(), i.severity(), r.type(), r.id(), r.name(), r.provider(), outcome, msg, r.origin(), "");
    }
}
