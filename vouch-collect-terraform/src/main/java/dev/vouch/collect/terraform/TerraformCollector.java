package dev.vouch.collect.terraform;

import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Collects Terraform (HCL2) configurations. Every directory holding {@code *.tf} files is one root
 * module, parsed and evaluated on its own and normalized to Vouch resources (azurerm to ARM REST
 * shapes; see docs/terraform.md). A malformed file is a {@link CollectionError}; the rest is still read.
 */
public final class TerraformCollector implements Collector {
    private final Clock clock;
    private final Mapping mapping = Mapping.load("terraform/azurerm.yaml");

    public TerraformCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String source() {
        return "terraform";
    }

    @Override
    public Collection collect(Path path) {
        if (path == null || !Files.exists(path)) {
            throw new IllegalArgumentException("Terraform path does not exist: " + path);
        }
        Path root = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        Map<Path, List<Path>> modules = Files.isDirectory(path) ? modules(path) : single(path);
        if (modules.isEmpty()) {
            throw new IllegalArgumentException("no .tf files found under " + path);
        }
        Instant at = clock.instant();
        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        modules.forEach((dir, files) -> collectModule(root, dir, files, at, resources, errors));
        return new Collection(resources, errors);
    }

    private void collectModule(Path root, Path dir, List<Path> files, Instant at,
                               List<Resource> resources, List<CollectionError> errors) {
        String rel = root.relativize(dir).toString().replace('\\', '/');
        String dirLabel = rel.isEmpty() ? "." : rel;
        String scope = "terraform:" + dirLabel;
        ExprEvaluator ev = new ExprEvaluator();
        ModuleFiles mf = new ModuleFiles(root, ev);
        mf.load(files, dir);
        errors.addAll(mf.errors);
        List<TfResource> evaluated = new ModuleEvaluator(ev, dirLabel, scope, errors).evaluate(mf.files, mf.tfvars);
        resources.add(Resource.builder("azure.resources.subscription", scope)
                .name(dirLabel).provider("azure").scope(scope)
                .origin(new Origin("terraform", dirLabel, 0)).collectedAt(at).build());
        resources.addAll(new AzurermNormalizer(mapping).normalize(evaluated, scope, at));
    }

    private static Map<Path, List<Path>> single(Path file) {
        if (!file.getFileName().toString().endsWith(".tf")) {
            throw new IllegalArgumentException("not a .tf file: " + file);
        }
        Map<Path, List<Path>> m = new TreeMap<>();
        m.put(file.toAbsolutePath().getParent(), List.of(file.toAbsolutePath()));
        return m;
    }

    private static Map<Path, List<Path>> modules(Path dir) {
        Map<Path, List<Path>> m = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p))
                    .filter(p -> !hidden(dir, p))
                    .sorted()
                    .forEach(p -> m.computeIfAbsent(p.getParent(), k -> new ArrayList<>()).add(p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Terraform directory " + dir, e);
        }
        return m;
    }

    /** True when a directory between {@code root} and the file is hidden ({@code .terraform}, {@code .git}). */
    private static boolean hidden(Path root, Path file) {
        Path rel = root.relativize(file.getParent());
        for (Path part : rel) {
            String s = part.toString();
            if (s.startsWith(".") && !s.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
