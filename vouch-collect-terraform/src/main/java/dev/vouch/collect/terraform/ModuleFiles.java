package dev.vouch.collect.terraform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads and parses the files of one root module; a malformed file becomes a {@link CollectionError}. */
final class ModuleFiles {
    record ParsedFile(String relPath, Body body) {}

    private final Path root;
    private final ExprEvaluator evaluator;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    final List<ParsedFile> files = new ArrayList<>();
    final Map<String, Object> tfvars = new LinkedHashMap<>();
    final List<CollectionError> errors = new ArrayList<>();

    /** @param root the scanned path (for relative file names) */
    ModuleFiles(Path root, ExprEvaluator evaluator) {
        this.root = root;
        this.evaluator = evaluator;
    }

    void load(List<Path> tfFiles, Path dir) {
        for (Path f : tfFiles) {
            parse(f).ifPresent(b -> files.add(new ParsedFile(rel(f), b)));
        }
        List<Path> vars = new ArrayList<>();
        vars.add(dir.resolve("terraform.tfvars"));
        vars.add(dir.resolve("terraform.tfvars.json"));
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches(".*\\.auto\\.tfvars(\\.json)?"))
                    .sorted().forEach(vars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        vars.stream().filter(Files::isRegularFile).forEach(this::loadVars);
    }

    private java.util.Optional<Body> parse(Path f) {
        try {
            return java.util.Optional.of(Parser.parseFile(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (HclSyntaxException e) {
            errors.add(new CollectionError(new Origin("terraform", rel(f), e.line()),
                    "syntax error: " + e.getMessage() + " (file skipped)"));
        } catch (IOException | UncheckedIOException e) {
            errors.add(new CollectionError(new Origin("terraform", rel(f), 0), "cannot read file: " + e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    private void loadVars(Path f) {
        if (f.getFileName().toString().endsWith(".json")) {
            try {
                Object v = json.readValue(f.toFile(), Object.class);
                Values.map(v, "a .tfvars.json file").forEach((k, x) -> tfvars.put(String.valueOf(k), x));
            } catch (IOException | EvalException e) {
                errors.add(new CollectionError(new Origin("terraform", rel(f), 0), "invalid tfvars JSON: " + e.getMessage()));
            }
            return;
        }
        parse(f).ifPresent(body -> {
            for (Body.Attribute a : body.attributes()) {
                try {
                    tfvars.put(a.name(), evaluator.eval(a.value(), Scope.empty()));
                } catch (EvalException e) {
                    errors.add(new CollectionError(new Origin("terraform", rel(f), a.line()),
                            "variable value '" + a.name() + "': " + e.getMessage()));
                }
            }
        });
    }

    String rel(Path f) {
        String r = root.relativize(f).toString().replace('\\', '/');
        return r.isEmpty() ? f.getFileName().toString() : r;
    }
}
