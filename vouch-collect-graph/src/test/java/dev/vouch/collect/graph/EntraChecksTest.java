package dev.vouch.collect.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vouch.engine.Check;
import dev.vouch.engine.CheckLoader;
import dev.vouch.engine.Engine;
import dev.vouch.model.Collection;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every Entra check (vouch-checks/.../checks/entra) against its fixtures with this collector, the
 * way vouch-checks' CheckFixturesTest does once the lead wires the dispatcher: the name prefix is the
 * outcome every resource of the check's type must get, at the fixture clock 2026-06-30T12:00:00Z.
 */
class EntraChecksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    private static final Path ROOT = Path.of("../vouch-checks/src/main/resources/checks/entra");

    private static List<Check> checks() {
        return Files.isDirectory(ROOT) ? new CheckLoader().loadDirectory(ROOT) : List.of();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesItsOutcome() {
        assumeTrue(Files.isDirectory(ROOT), "vouch-checks entra folder absent");
        List<DynamicTest> tests = new ArrayList<>();
        for (Check check : checks()) {
            for (Path fixture : fixtures(check)) {
                tests.add(DynamicTest.dynamicTest(check.id() + " " + fixture.getFileName(), () -> assertFixture(check, fixture)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCheckHasPassingAndFailingFixtures() {
        assumeTrue(Files.isDirectory(ROOT), "vouch-checks entra folder absent");
        List<Check> checks = checks();
        assertThat(checks).hasSizeGreaterThanOrEqualTo(10);
        for (Check check : checks) {
            List<String> names = allFixtures(check).stream().map(p -> p.getFileName().toString()).toList();
            assertThat(names).as(check.id()).anyMatch(n -> n.startsWith("pass_")).anyMatch(n -> n.startsWith("fail_"));
        }
    }

    private static void assertFixture(Check check, Path fixture) {
        Collection collected = new GraphExportCollector(CLOCK).collect(fixture);
        assertThat(collected.errors()).as("collection errors reading %s", fixture).isEmpty();
        List<Finding> findings = new Engine(List.of(check), CLOCK).evaluate(collected.resources(), List.of()).findings();
        assertThat(findings).as("%s produced no %s", fixture, check.info().resourceType()).isNotEmpty();
        Outcome want = expected(fixture);
        for (Finding f : findings) {
            assertThat(f.outcome()).as("%s on %s from %s: %s", check.id(), f.resourceName(), fixture.getFileName(), f.message())
                    .isEqualTo(want);
        }
    }

    /** The fixtures this module's collector reads alone; others (e.g. {@code .mixed}) run in vouch-checks. */
    private static List<Path> fixtures(Check check) {
        return allFixtures(check).stream().filter(p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".graph") || n.endsWith(".graph.json");
        }).toList();
    }

    private static List<Path> allFixtures(Check check) {
        Path dir = ROOT.getParent().resolve(check.info().path()).getParent().resolve("fixtures");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Outcome expected(Path fixture) {
        String name = fixture.getFileName().toString();
        return switch (name.substring(0, name.indexOf('_')).toLowerCase(Locale.ROOT)) {
            case "pass" -> Outcome.PASS;
            case "fail" -> Outcome.FAIL;
            case "na" -> Outcome.NOT_APPLICABLE;
            case "unknown" -> Outcome.UNKNOWN;
            default -> Outcome.ERROR;
        };
    }
}
