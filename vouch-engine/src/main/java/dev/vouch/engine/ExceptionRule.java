package dev.vouch.engine;

import dev.vouch.model.Origin;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A recorded risk acceptance: while valid, it turns a non-passing finding of {@code checkId} on a
 * resource whose id matches {@code resourceGlob} into EXCEPTED. It ends at the start of
 * {@code expires} (UTC).
 */
public record ExceptionRule(String id, String checkId, String resourceGlob, String owner, String reason,
        LocalDate expires, Origin origin) {

    public ExceptionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(resourceGlob, "resourceGlob");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(origin, "origin");
    }

    public boolean validAt(Instant t) {
        return t.isBefore(expires.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** The resource glob as a case-insensitive regular expression (compile once per evaluation). */
    Pattern globPattern() {
        StringBuilder re = new StringBuilder();
        for (char c : resourceGlob.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
