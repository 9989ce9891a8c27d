package dev.vouch.collect.aws;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Renders SDK model objects as the JSON the AWS CLI prints for them, as plain Java values: members
 * under their API member names ({@code MinimumPasswordLength}, {@code IpPermissions}), absent members
 * left out, integers as Long, timestamps as the CLI's ISO-8601 ({@code 2024-03-11T09:20:31+00:00}),
 * blobs as UTF-8 text, enums as their wire strings.
 */
final class CliJson {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    private CliJson() {
    }

    /** The members of one SDK object, in model order. */
    static Map<String, Object> object(SdkPojo pojo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object raw = field.getValueOrDefault(pojo);
            if (raw == null || raw instanceof SdkAutoConstructList<?> || raw instanceof SdkAutoConstructMap<?, ?>) {
                continue;
            }
            out.put(field.memberName(), value(raw));
        }
        return out;
    }

    /** The objects of a list member, each rendered with {@link #object}. */
    static List<Object> objects(List<? extends SdkPojo> pojos) {
        List<Object> out = new ArrayList<>();
        pojos.forEach(p -> out.add(object(p)));
        return out;
    }

    static Object value(Object raw) {
        if (raw instanceof SdkPojo pojo) {
            return object(pojo);
        }
        if (raw instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(value(v)));
            return out;
        }
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), value(v)));
            return out;
        }
        return scalar(raw);
    }

    private static Object scalar(Object raw) {
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Float f) {
            return f.doubleValue();
        }
        if (raw instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (raw instanceof Instant t) {
            return timestamp(t);
        }
        if (raw instanceof SdkBytes bytes) {
            return new String(bytes.asByteArray(), StandardCharsets.UTF_8);
        }
        if (raw instanceof String || raw instanceof Long || raw instanceof Double || raw instanceof Boolean) {
            return raw;
        }
        return String.valueOf(raw);
    }

    /** How the CLI (botocore's isoformat) prints a timestamp: seconds, or microseconds when there are any. */
    static String timestamp(Instant t) {
        return (t.getNano() == 0 ? SECONDS : MICROS).format(t);
    }
}
