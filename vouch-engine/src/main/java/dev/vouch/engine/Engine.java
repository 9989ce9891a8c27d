package dev.vouch.engine;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Resource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs checks over resources. Expressions were compiled at load; the engine turns them into programs
 * once, bound to its clock, and reuses them for every resource. Evaluation is parallel over checks
 * and deterministic in its output order (checks in load order, resources in input order).
 */
public final class Engine {
    private final List<CheckProgram> programs;
    private final Clock clock;

    public Engine(List<Check> checks, Clock clock) {
        this.clock = clock;
        CelRuntime plain = CelEnvironment.runtime(clock, false);
        CelRuntime partial = CelEnvironment.runtime(clock, true);
        List<CheckProgram> list = new ArrayList<>();
        for (Check c : checks) {
            try {
                list.add(CheckProgram.create(c, plain, partial));
            } catch (CelEvaluationException e) {
                throw new CheckLoadException(List.of("Check " + c.id() + " (" + c.info().path()
                        + "): cannot build its program: " + e.getMessage()));
            }
        }
        this.programs = List.copyOf(list);
    }

    /** The result of evaluating: one finding per (check, resource of its type), and exception notices. */
    public record Evaluation(List<Finding> findings, List<ExceptionNotice> notices) {
    }

    public Evaluation evaluate(List<Resource> resources, List<ExceptionRule> exceptions) {
        Map<String, List<Resource>> byType = resources.stream()
                .collect(Collectors.groupingBy(Resource::type, HashMap::new, Collectors.toList()));
        Map<Resource, Map<String, Object>> views = views(byType);
        Function<Resource, Map<String, Object>> view = views::get;
        JoinIndex joins = new JoinIndex(byType, view);
        List<List<Finding>> perCheck = programs.parallelStream()
                .map(p -> p.evaluateAll(byType.getOrDefault(p.check().info().resourceType(), List.of()), view, joins))
                .toList();
        List<Finding> findings = new ArrayList<>();
        perCheck.forEach(findings::addAll);
        return new ExceptionOverlay(exceptions, clock).apply(findings);
    }

    /**
     * The CEL view of every resource a check or a join looks at, built once, in parallel, and keyed by
     * identity: a record's hashCode walks its whole property tree, far too costly per lookup.
     */
    private Map<Resource, Map<String, Object>> views(Map<String, List<Resource>> byType) {
        java.util.Set<String> types = new java.util.HashSet<>();
        for (CheckProgram p : programs) {
            types.add(p.check().info().resourceType());
            p.check().joins().forEach(j -> types.add(j.type()));
        }
        List<Resource> relevant = new ArrayList<>();
        types.forEach(t -> relevant.addAll(byType.getOrDefault(t, List.of())));
        List<Map<String, Object>> built = relevant.parallelStream().map(CelView::of).toList();
        Map<Resource, Map<String, Object>> out = new java.util.IdentityHashMap<>(relevant.size() * 2);
        for (int i = 0; i < relevant.size(); i++) {
            out.put(relevant.get(i), built.get(i));
        }
        return out;
    }
}
