package dev.vouch.collect.awsoffline;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The IAM credential report ({@code aws iam get-credential-report}, base64-decoded): one
 * {@code aws.iam.user} per row, except the {@code <root_account>} row, which is {@code aws.iam.root}.
 * Column names are kept; {@code true}/{@code false} become booleans; timestamps stay ISO strings.
 * The placeholders {@code N/A}, {@code not_supported} and {@code no_information} are never values:
 * the column is left out of {@code properties} and listed in {@code properties.sentinels}, so a
 * check must say what absence means (docs/aws-offline.md).
 */
final class CredentialReport {
    static final String ROOT_USER = "<root_account>";
    static final List<String> REQUIRED = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service",
            "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
            "access_key_2_last_used_region", "access_key_2_last_used_service",
            "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");
    private static final Set<String> BOOLEANS = Set.of("password_enabled", "mfa_active", "access_key_1_active",
            "access_key_2_active", "cert_1_active", "cert_2_active");
    private static final Set<String> TIMESTAMPS = Set.of("user_creation_time", "password_last_used",
            "password_last_changed", "password_next_rotation", "access_key_1_last_rotated",
            "access_key_1_last_used_date", "access_key_2_last_rotated", "access_key_2_last_used_date",
            "cert_1_last_rotated", "cert_2_last_rotated");
    private static final Set<String> SENTINELS = Set.of("N/A", "not_supported", "no_information");

    /** What one report produced. */
    record Result(List<Item> items, List<CollectionError> errors) {
    }

    private CredentialReport() {
    }

    /** True when the first line is a credential report header. */
    static boolean looksLike(String text) {
        String first = text.lines().findFirst().orElse("").trim();
        return first.startsWith("user,arn,");
    }

    static Result parse(String text, String source, String display) {
        List<String> lines = text.lines().toList();
        List<Item> items = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        List<String> header = Csv.split(lines.get(0).replace("\uFEFF", "").trim());
        List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            errors.add(new CollectionError(new Origin(source, display, 1),
                    "credential report header lacks column(s) " + String.join(", ", missing)));
            return new Result(items, errors);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Origin origin = new Origin(source, display, i + 1);
            try {
                items.addAll(row(header, Csv.split(line), origin));
            } catch (IllegalArgumentException e) {
                errors.add(new CollectionError(origin, display + ":" + (i + 1) + ": " + e.getMessage()));
            }
        }
        return new Result(items, errors);
    }

    private static List<Item> row(List<String> header, List<String> cells, Origin origin) {
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " fields, found " + cells.size());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> sentinels = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            String raw = cells.get(c).trim();
            if (SENTINELS.contains(raw)) {
                sentinels.put(column, raw);
            } else {
                props.put(column, value(column, raw));
            }
        }
        props.put("sentinels", sentinels);
        String user = String.valueOf(props.getOrDefault("user", ""));
        Object arn = props.get("arn");
        if (user.isEmpty() || !(arn instanceof String arnText) || !arnText.startsWith("arn:")) {
            throw new IllegalArgumentException("field 'arn' must be an ARN, was '" + arn + "'");
        }
        String account = Arns.account(arnText);
        String type = ROOT_USER.equals(user) ? "aws.iam.root" : "aws.iam.user";
        return List.of(Item.of(type, arnText, user, "", props, origin, account));
    }

    private static Object value(String column, String raw) {
        if (BOOLEANS.contains(column)) {
            return switch (raw.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("field '" + column
                        + "' must be true, false, N/A, not_supported or no_information, was '" + raw + "'");
            };
        }
        if (TIMESTAMPS.contains(column)) {
            try {
                OffsetDateTime.parse(raw);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("field '" + column + "' must be an ISO 8601 date-time, was '"
                        + raw + "'", e);
            }
        }
        return raw;
    }

    /** RFC 4180 fields of one line (the report quotes nothing today, but a user name may need it). */
    static final class Csv {
        private Csv() {
        }

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("unterminated quoted field");
            }
            out.add(cur.toString());
            return out;
        }
    }
}
