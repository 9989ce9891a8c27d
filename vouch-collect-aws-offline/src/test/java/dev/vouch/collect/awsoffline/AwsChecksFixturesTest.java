package dev.vouch.collect.awsoffline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.engine.Check;
import dev.vouch.engine.CheckLoader;
import dev.vouch.engine.Engine;
import dev.vouch.model.Collection;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The AWS checks in vouch-checks against their fixtures, read by this collector (the same contract as
 * vouch-checks' CheckFixturesTest, which runs them once the fixture dispatcher maps {@code .aws.json},
 * {@code .aws.csv} and {@code .awsdir} here).
 */
class AwsChecksFixturesTest {
    static final Instant FIXTURE_NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final Path CHECKS = Path.of("../vouch-checks/src/main/resources/checks/aws");
    private final Clock clock = Clock.fixed(FIXTURE_NOW, ZoneOffset.UTC);

    static List<Check> checks() {
        return new CheckLoader().loadDirectory(CHECKS);
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesItsOutcome() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Check check : checks()) {
            for (Path fixture : fixtures(check)) {
                tests.add(DynamicTest.dynamicTest(check.id() + " " + fixture.getFileName(),
                        () -> assertFixture(check, fixture)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyCheckHasPassingAndFailingFixtures() {
        List<Check> checks = checks();
        assertThat(checks).hasSizeGreaterThanOrEqualTo(22);
        for (Check check : checks) {
            List<Outcome> outcomes = fixtures(check).stream().map(AwsChecksFixturesTest::expected).toList();
            assertThat(outcomes).as(check.id()).contains(Outcome.PASS, Outcome.FAIL);
        }
    }

    private void assertFixture(Check check, Path fixture) {
        String name = fixture.getFileName().toString();
        assertThat(name).as("fixture name routes to the AWS collector")
                .matches(".*\\.(aws\\.json|aws\\.csv|awsdir)$");
        Collection collected = new AwsExportCollector(clock).collect(fixture);
        assertThat(collected.errors()).as("collection errors reading %s", fixture).isEmpty();
        List<Finding> findings = new Engine(List.of(check), clock).evaluate(collected.resources(), List.of()).findings();
        assertThat(findings).as("%s produced no %s", fixture, check.info().resourceType()).isNotEmpty();
        for (Finding f : findings) {
            assertThat(f.outcome()).as("%s on %s from %s: %s", check.id(), f.resourceId(), name, f.message())
                    .isEqualTo(expected(fixture));
        }
    }

    static List<Path> fixtures(Check check) {
        Path dir = CHECKS.getParent().resolve(check.info().path()).getParent().resolve("fixtures");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome expected(Path fixture) {
        String prefix = fixture.getFileName().toString().split("_", 2)[0].toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "pass" -> Outcome.PASS;
            case "fail" -> Outcome.FAIL;
            case "na" -> Outcome.NOT_APPLICABLE;
            case "unknown" -> Outcome.UNKNOWN;
            case "error" -> Outcome.ERROR;
            default -> throw new IllegalArgumentException("fixture " + fixture + ": bad outcome prefix");
        };
    }
}
