package dev.vouch.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scan schedule: a standard 5-field Unix cron expression (minute hour day-of-month month
 * day-of-week) or an alias ({@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly},
 * {@code @yearly}), evaluated in wall-clock time of one zone.
 *
 * <p>Daylight saving: every wall-clock slot runs once. A slot that does not exist (the hour
 * skipped in spring) runs at the same offset after the jump (02:30 becomes 03:30); a slot that
 * occurs twice (the hour repeated in autumn) runs at its first occurrence only.
 */
public final class Schedule {

    static final int MAX_SLOTS = 1_000_000;
    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final String[] FIELDS = {"minute", "hour", "day-of-month", "month", "day-of-week"};
    private static final Map<String, String> ALIASES = Map.of(
            "@hourly", "0 * * * *",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@weekly", "0 0 * * 0",
            "@monthly", "0 0 1 * *",
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *");
    private static final Pattern RANGE = Pattern.compile("Value (\\S+) not in range \\[(-?\\d+), (-?\\d+)]");

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime execution;

    private Schedule(String expression, ZoneId zone, ExecutionTime execution) {
        this.expression = expression;
        this.zone = zone;
        this.execution = execution;
    }

    /**
     * Parses a schedule.
     *
     * @throws IllegalArgumentException naming the field and value, e.g.
     *     {@code schedule: '0 25 * * *': hour 25 out of range 0-23}
     */
    public static Schedule parse(String cron, ZoneId zone) {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("schedule: expression is empty; expected 5 fields "
                    + "(minute hour day-of-month month day-of-week) or @hourly/@daily/@weekly");
        }
        if (zone == null) {
            throw new IllegalArgumentException("schedule: '" + cron + "': time zone is missing");
        }
        String raw = cron.trim();
        String expanded = expand(raw);
        String[] parts = expanded.split("\\s+");
        if (parts.length != FIELDS.length) {
            throw bad(raw, "expected 5 fields (minute hour day-of-month month day-of-week), found "
                    + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            checkField(raw, parts, i);
        }
        Cron parsed = parseOrFail(raw, expanded, "expression");
        Schedule schedule = new Schedule(raw, zone, ExecutionTime.forCron(parsed));
        schedule.requireFires();
        return schedule;
    }

    private static String expand(String raw) {
        if (!raw.startsWith("@")) {
            return raw;
        }
        String alias = ALIASES.get(raw.toLowerCase(Locale.ROOT));
        if (alias == null) {
            throw bad(raw, "unknown alias; supported: @hourly, @daily, @midnight, @weekly, @monthly, @yearly");
        }
        return alias;
    }

    private static void checkField(String raw, String[] parts, int index) {
        String[] probe = {"*", "*", "*", "*", "*"};
        probe[index] = parts[index];
        parseOrFail(raw, String.join(" ", probe), FIELDS[index] + " '" + parts[index] + "'");
    }

    private static Cron parseOrFail(String raw, String expression, String what) {
        try {
            Cron cron = PARSER.parse(expression);
            cron.validate();
            return cron;
        } catch (IllegalArgumentException e) {
            throw bad(raw, describe(what, e.getMessage()));
        }
    }

    private static String describe(String what, String libraryMessage) {
        String message = libraryMessage == null ? "invalid" : libraryMessage;
        Matcher range = RANGE.matcher(message);
        if (range.find()) {
            String field = what.contains(" '") ? what.substring(0, what.indexOf(" '")) : what;
            return field + " " + range.group(1) + " out of range " + range.group(2) + "-" + range.group(3);
        }
        return what + " is not valid: " + message.replace("Failed to parse cron expression. ", "");
    }

    private void requireFires() {
        ZonedDateTime probe = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        if (execution.nextExecution(probe).isEmpty()) {
            throw bad(expression, "never fires (no matching date)");
        }
    }

    private static IllegalArgumentException bad(String raw, String detail) {
        return new IllegalArgumentException("schedule: '" + raw + "': " + detail);
    }

    /** The expression as written (alias or 5 fields). */
    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first slot strictly after {@code after}. */
    public Instant next(Instant after) {
        ZonedDateTime cursor = LocalDateTime.ofInstant(after, zone).atZone(ZoneOffset.UTC);
        while (true) {
            ZonedDateTime local = cursor;
            cursor = execution.nextExecution(cursor).orElseThrow(() -> new IllegalStateException(
                    "schedule: '" + expression + "': no slot after " + local.toLocalDateTime()));
            Instant candidate = ZonedDateTime.ofLocal(cursor.toLocalDateTime(), zone, null).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
    }

    /** Slots {@code s} with {@code from <= s < to}, in time order. */
    public List<Instant> expectedRunsBetween(Instant from, Instant to) {
        List<Instant> slots = new ArrayList<>();
        for (Instant slot = next(from.minusNanos(1)); slot.isBefore(to); slot = next(slot)) {
            if (slots.size() == MAX_SLOTS) {
                throw new IllegalArgumentException("schedule: '" + expression + "': more than "
                        + MAX_SLOTS + " slots between " + from + " and " + to);
            }
            slots.add(slot);
        }
        return List.copyOf(slots);
    }

    @Override
    public String toString() {
        return expression + " (" + zone + ")";
    }
}
