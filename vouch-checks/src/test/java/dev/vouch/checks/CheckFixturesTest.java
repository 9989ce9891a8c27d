package dev.vouch.checks;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one generic test of the catalog: every check against every fixture beside it. The fixture's
 * name prefix is the outcome every resource of the check's type in it must get. Run a subset with
 * {@code -Dvouch.checks.filter=linux/}.
 */
class CheckFixturesTest {
    /** The instant fixtures are evaluated at: recipes and expiry dates in fixtures are written against it. */
    static final Instant FIXTURE_NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final Path ROOT = Path.of("src/main/resources/checks");
    private static final String FILTER = System.getProperty("vouch.checks.filter", "");

    @TempDir
    Path work;

    static List<Check> checks() {
        return new CheckLoader().loadDirectory(ROOT).stream()
                .filter(c -> c.info().path().contains(FILTER))
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesItsOutcome() {
        Clock clock = Clock.fixed(FIXTURE_NOW, ZoneOffset.UTC);
        List<DynamicTest> tests = new ArrayList<>();
        for (Check check : checks()) {
            for (Path fixture : fixtures(check)) {
                tests.add(DynamicTest.dynamicTest(check.id() + " " + fixture.getFileName(),
                        () -> assertFixture(check, fixture, clock)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCheckHasPassingAndFailingFixtures() {
        List<String> missing = new ArrayList<>();
        for (Check check : checks()) {
            List<String> prefixes = fixtures(check).stream().map(CheckFixturesTest::expected)
                    .map(Outcome::name).distinct().toList();
            if (!prefixes.contains("PASS") || !prefixes.contains("FAIL")) {
                missing.add(check.id() + " (" + check.info().path() + ") has " + prefixes);
            }
        }
        assertThat(missing).as("checks without both pass_ and fail_ fixtures").isEmpty();
    }

    private void assertFixture(Check check, Path fixture, Clock clock) throws IOException {
        Collection collected = new FixtureSources(clock, work).collect(fixture);
        assertThat(collected.errors()).as("collection errors reading %s", fixture).isEmpty();
        Engine engine = new Engine(List.of(check), clock);
        List<Finding> findings = engine.evaluate(collected.resources(), List.of()).findings();
        assertThat(findings).as("%s produced no resource of type %s (types seen: %s)", fixture,
                check.info().resourceType(),
                collected.resources().stream().map(r -> r.type()).distinct().collect(Collectors.toList()))
                .isNotEmpty();
        Outcome want = expected(fixture);
        for (Finding f : findings) {
            assertThat(f.outcome()).as("%s on %s (%s) from %s: %s", check.id(), f.resourceName(), f.resourceId(),
                    fixture.getFileName(), f.message()).isEqualTo(want);
        }
    }

    static List<Path> fixtures(Check check) {
        Path dir = ROOT.getParent().resolve(check.info().path()).getParent().resolve("fixtures");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Outcome expected(Path fixture) {
        String name = fixture.getFileName().toString();
        String prefix = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
        return switch (prefix.toLowerCase(Locale.ROOT)) {
            case "pass" -> Outcome.PASS;
            case "fail" -> Outcome.FAIL;
            case "na" -> Outcome.NOT_APPLICABLE;
            case "unknown" -> Outcome.UNKNOWN;
            case "error" -> Outcome.ERROR;
            default -> throw new IllegalArgumentException("fixture " + fixture
                    + ": name must start with pass_, fail_, na_, unknown_ or error_");
        };
    }
}
