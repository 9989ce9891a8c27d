package dev.vouch.cli.workspace;

import java.nio.file.Path;
import java.util.Locale;

/** One source to scan: its kind and its path ({@code /} for the live host). */
public record SourceSpec(Kind kind, Path path) {
    public enum Kind {
        TERRAFORM("terraform"), ARM("arm"), AZURE("azure"), ENTRA("entra"), GITHUB("github"), AWS("aws"), AZURE_EXPORT("azure-export"), GRAPH_EXPORT("graph-export"), AWS_EXPORT("aws-export"), HOST("host"), GIT("git");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Kind parse(String s) {
            for (Kind k : values()) {
                if (k.label.equals(s.toLowerCase(Locale.ROOT))) {
                    return k;
                }
            }
            throw new IllegalArgumentException(s);
        }
    }

    public String display() {
        return kind.label + ":" + path;
    }
}
