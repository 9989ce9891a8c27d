package dev.vouch.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report or a listing needs to know about a check, without its expressions.
 *
 * @param id stable, opaque, never reused (e.g. {@code AZ-STG-003})
 * @param title the secure condition, stated positively
 * @param severity how bad a failure is
 * @param resourceType the Vouch resource type it applies to
 * @param description why it matters (may be empty)
 * @param remediation how to fix it
 * @param references peer ids: {@code prowler}, {@code checkov}, {@code cis_azure}, {@code lynis} ...
 * @param tags free-form labels
 * @param path where the definition was loaded from
 */
public record CheckInfo(
        String id,
        String title,
        Severity severity,
        String resourceType,
        String description,
        Remediation remediation,
        Map<String, String> references,
        List<String> tags,
        String path) {

    public CheckInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resourceType, "resourceType");
        description = description == null ? "" : description;
        remediation = remediation == null ? Remediation.none() : remediation;
        references = references == null ? Map.of() : Map.copyOf(references);
        tags = tags == null ? List.of() : List.copyOf(tags);
        path = path == null ? "" : path;
    }
}
