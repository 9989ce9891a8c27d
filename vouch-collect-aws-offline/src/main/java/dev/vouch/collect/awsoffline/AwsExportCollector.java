package dev.vouch.collect.awsoffline;

import dev.vouch.collect.files.SourceFiles;
import dev.vouch.collect.files.LocatedJson;
import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Offline AWS exports: the IAM credential report CSV and {@code aws … --output json} files, recognized
 * by their top-level keys, normalized to {@code aws.*} resources with AWS API field names. Source
 * {@code aws-export}. See docs/aws-offline.md.
 */
public final class AwsExportCollector implements Collector {
    public static final String SOURCE = "aws-export";

    /** A top-level key and the reader of the export it marks. */
    private record Shape(List<String> keys, String kind, Consumer<Doc> reader) {
        Shape(String key, String kind, Consumer<Doc> reader) {
            this(List.of(key), kind, reader);
        }

        boolean matches(Map<String, Object> root) {
            return keys.stream().anyMatch(root::containsKey);
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("PasswordPolicy", "iam", IamShapes::passwordPolicy),
            new Shape("SummaryMap", "iam", IamShapes::accountSummary),
            new Shape("Policies", "iam", IamShapes::policies),
            new Shape("trailList", "cloudtrail", ServiceShapes::trails),
            new Shape("Buckets", "s3", ServiceShapes::buckets),
            new Shape("Keys", "kms", ServiceShapes::keys),
            new Shape("SecurityGroups", "ec2", ServiceShapes::securityGroups),
            new Shape("DBInstances", "rds", ServiceShapes::dbInstances),
            new Shape("DetectorIds", "guardduty", ServiceShapes::detectors),
            new Shape(List.of("ConfigurationRecorders", "ConfigurationRecordersStatus"), "config",
                    ServiceShapes::recorders));

    private final Clock clock;

    public AwsExportCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /**
     * @param path one {@code .json}/{@code .csv} file, or a directory read recursively for them
     * @throws IllegalArgumentException when the path is missing or holds no such file
     */
    @Override
    public Collection collect(Path path) {
        SourceFiles sources = SourceFiles.of(path, "AWS export", ".json", ".csv");
        Run run = new Run();
        for (Path file : sources.files()) {
            run.read(file, sources.display(file));
        }
        return run.finish(clock.instant());
    }

    /** The state of one collect call (also driven by {@link AwsShapes} for in-memory documents). */
    static final class Run {
        private final List<Item> items = new ArrayList<>();
        private final List<CollectionError> errors = new ArrayList<>();
        private final Map<String, Boolean> exports = new LinkedHashMap<>();
        private final Map<String, Origin> declared = new LinkedHashMap<>();

        void read(Path file, String display) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                errors.add(new CollectionError(Origin.of(SOURCE, display), "cannot read " + display + ": " + e.getMessage()));
                return;
            }
            if (SourceFiles.hasExtension(file, ".csv")) {
                readCsv(text, display);
            } else {
                readJson(file, display);
            }
        }

        Collection finish(java.time.Instant now) {
            AccountResolver resolved = new AccountResolver(items, errors, exports, declared, now);
            return new Collection(resolved.resources(), resolved.errors());
        }

        void readCsv(String text, String display) {
            if (!CredentialReport.looksLike(text)) {
                errors.add(new CollectionError(new Origin(SOURCE, display, 1), display
                        + ":1: not an IAM credential report (expected a header starting 'user,arn,')"));
                return;
            }
            CredentialReport.Result r = CredentialReport.parse(text, SOURCE, display);
            items.addAll(r.items());
            errors.addAll(r.errors());
            exports.put("credentialReport", true);
        }

        private void readJson(Path file, String display) {
            LocatedJson.read(file, SOURCE, display, errors).ifPresent(json -> readRoot(json, display));
        }

        void readRoot(LocatedJson json, String display) {
            if (!(json.root() instanceof Map<?, ?> rootMap)) {
                errors.add(new CollectionError(new Origin(SOURCE, display, 1), display
                        + ":1: unrecognized AWS export: expected a JSON object from an AWS CLI command"));
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) rootMap;
            Doc doc = new Doc(json, root, display, items::add);
            List<Shape> matched = SHAPES.stream().filter(s -> s.matches(root)).toList();
            if (matched.isEmpty() && root.containsKey("PublicAccessBlockConfiguration")) {
                matched = List.of(new Shape("PublicAccessBlockConfiguration", "s3control",
                        ServiceShapes::accountPublicAccessBlock));
            }
            if (matched.isEmpty()) {
                errors.add(new CollectionError(new Origin(SOURCE, display, json.lineOf(root)), display + ":"
                        + json.lineOf(root) + ": unrecognized AWS export, top-level keys " + root.keySet()));
                return;
            }
            readShapes(doc, matched);
        }

        private void readShapes(Doc doc, List<Shape> matched) {
            if (!doc.account().isEmpty()) {
                declared.putIfAbsent(doc.account(), Origin.of(SOURCE, doc.display()));
            }
            for (Shape s : matched) {
                try {
                    s.reader().accept(doc);
                    exports.put(s.kind(), true);
                } catch (IllegalArgumentException e) {
                    int line = doc.json().lineOf(doc.root());
                    errors.add(new CollectionError(new Origin(SOURCE, doc.display(), line),
                            doc.display() + ":" + line + ": " + e.getMessage()));
                }
            }
        }
    }
}
