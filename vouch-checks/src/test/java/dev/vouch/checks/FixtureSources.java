package dev.vouch.checks;

import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * Maps a fixture file or folder to the collector that reads it (docs/checks.md, "Fixtures"):
 * {@code .tf}/{@code .tfdir} → Terraform, {@code .json} → ARM template or Azure export,
 * {@code .host} → Linux host, {@code .gitrepo.yaml} → git. Collectors are constructed by name so a
 * collector module still being built only skips its own fixtures.
 */
final class FixtureSources {
    private final Clock clock;
    private final Path work;

    FixtureSources(Clock clock, Path work) {
        this.clock = clock;
        this.work = work;
    }

    Collection collect(Path fixture) throws IOException {
        String name = fixture.getFileName().toString();
        if (name.endsWith(".tf")) {
            Path dir = Files.createTempDirectory(work, "tf");
            Files.copy(fixture, dir.resolve(name));
            return collector("dev.vouch.collect.terraform.TerraformCollector").collect(dir);
        }
        if (name.endsWith(".tfdir")) {
            return collector("dev.vouch.collect.terraform.TerraformCollector").collect(fixture);
        }
        if (name.endsWith(".json")) {
            boolean template = Files.readString(fixture).contains("deploymentTemplate.json");
            return collector(template ? "dev.vouch.collect.azureoffline.ArmTemplateCollector"
                    : "dev.vouch.collect.azureoffline.AzureExportCollector").collect(fixture);
        }
        if (name.endsWith(".host")) {
            Object runner = invokeStatic("dev.vouch.collect.host.CommandRunner", "fromDirectory",
                    fixture.resolve("_commands"));
            return collector("dev.vouch.collect.host.HostCollector", runner).collect(fixture);
        }
        if (name.endsWith(".gitrepo.yaml")) {
            Path repo = (Path) invokeStatic2("dev.vouch.collect.git.GitRepoRecipe", "build", fixture,
                    Files.createTempDirectory(work, "git"));
            return collector("dev.vouch.collect.git.GitCollector", Duration.ofDays(90)).collect(repo);
        }
        throw new IllegalArgumentException("fixture " + fixture + ": unknown kind (see docs/checks.md)");
    }

    private Collector collector(String className, Object... extra) {
        Class<?> type = load(className);
        Object[] args = new Object[extra.length + 1];
        args[0] = clock;
        System.arraycopy(extra, 0, args, 1, extra.length);
        for (var ctor : type.getConstructors()) {
            if (ctor.getParameterCount() == args.length && ctor.getParameterTypes()[0] == Clock.class
                    && (args.length == 1 || ctor.getParameterTypes()[1].isInstance(args[1]))) {
                try {
                    return (Collector) ctor.newInstance(args);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot construct " + className, unwrap(e));
                }
            }
        }
        throw new IllegalStateException(className + " has no public constructor (Clock"
                + (extra.length > 0 ? ", " + extra[0].getClass().getSimpleName() : "") + ")");
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            Assumptions.abort(className + " is not built yet");
            throw new AssertionError(e);
        }
    }

    private static Object invokeStatic(String className, String method, Path arg) {
        try {
            return load(className).getMethod(method, Path.class).invoke(null, arg);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + "." + method + " failed", unwrap(e));
        }
    }

    private static Object invokeStatic2(String className, String method, Path a, Path b) {
        try {
            return load(className).getMethod(method, Path.class, Path.class).invoke(null, a, b);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + "." + method + " failed", unwrap(e));
        }
    }

    private static Throwable unwrap(ReflectiveOperationException e) {
        return e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
    }
}
