package dev.vouch.collect.awsoffline;

import dev.vouch.collect.files.LocatedJson;
import dev.vouch.model.Collection;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The export normalization of {@link AwsExportCollector}, for documents already in memory: the same
 * JSON objects the AWS CLI prints (plain Java values: String, Long, Double, Boolean, List, Map, null)
 * and the credential report CSV text, following the combined-file convention of docs/aws-offline.md.
 * A live collector that renders SDK responses as CLI output gets exactly the resources an export of
 * the same account gives. Origins carry source {@code aws-export} and the document's name, line 0.
 */
public final class AwsShapes {
    private AwsShapes() {
    }

    /** One document handed to {@link #normalize}; {@code name} is where it came from (a file or an API call). */
    public sealed interface NamedDocument permits JsonDocument, CsvDocument {
        String name();
    }

    /** A JSON object as {@code aws … --output json} prints it. */
    public record JsonDocument(String name, Map<String, Object> root) implements NamedDocument {
        public JsonDocument {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(root, "root");
        }
    }

    /** The decoded IAM credential report CSV. */
    public record CsvDocument(String name, String text) implements NamedDocument {
        public CsvDocument {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Normalizes the documents together, as one export directory holding them would be. */
    public static Collection normalize(List<NamedDocument> docs, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        AwsExportCollector.Run run = new AwsExportCollector.Run();
        for (NamedDocument doc : docs) {
            if (doc instanceof JsonDocument j) {
                run.readRoot(new LocatedJson(j.root(), new IdentityHashMap<>()), j.name());
            } else if (doc instanceof CsvDocument c) {
                run.readCsv(c.text(), c.name());
            }
        }
        return run.finish(clock.instant());
    }
}
