package dev.vouch.engine;

import java.util.List;

/** One or more check definitions are invalid; each problem names the file and the field. */
public final class CheckLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> problems;

    public CheckLoadException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in check definitions:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
