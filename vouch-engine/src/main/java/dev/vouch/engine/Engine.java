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
import java.util.concurrent.ConcurrentHashMap;
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
        CelRuntime runtime = CelEnvironment.runtime(clock);
        List<CheckProgram> list = new ArrayList<>();
        for (Check c : checks) {
            try {
                list.add(CheckProgram.create(c, runtime));
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
        Map<Resource, Map<String, Object>> views = new ConcurrentHashMap<>();
        Function<Resource, Map<String, Object>> view = r -> views.computeIfAbsent(r, CelView::of);
        JoinIndex joins = new JoinIndex(byType, view);
        List<List<Finding>> perCheck = programs.parallelStream()
                .map(p -> p.evaluateAll(byType.getOrDefault(p.check().info().resourceType(), List.of()), view, joins))
                .toList();
        List<Finding> findings = new ArrayList<>();
        perCheck.forEach(findings::addAll);
        return new ExceptionOverlay(exceptions, clock).apply(findings);
    }
}
