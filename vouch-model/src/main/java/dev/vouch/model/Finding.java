package dev.vouch.model;

import java.util.Objects;

/**
 * One check's verdict on one resource.
 *
 * @param checkId the check, e.g. {@code AZ-STG-003}
 * @param severity the check's severity
 * @param resourceType the resource's Vouch type
 * @param resourceId the resource's id
 * @param resourceName the resource's display name
 * @param provider the resource's provider
 * @param outcome the verdict (EXCEPTED when a valid exception covers a non-passing verdict)
 * @param message what was seen, in words
 * @param origin where the resource came from
 * @param exceptionId the exception that turned it EXCEPTED, or empty
 */
public record Finding(
        String checkId,
        Severity severity,
        String resourceType,
        String resourceId,
        String resourceName,
        String provider,
        Outcome outcome,
        String message,
        Origin origin,
        String exceptionId) {

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(origin, "origin");
        resourceName = resourceName == null ? resourceId : resourceName;
        provider = provider == null ? "" : provider;
        message = message == null ? "" : message;
        exceptionId = exceptionId == null ? "" : exceptionId;
    }

    public Finding withOutcome(Outcome newOutcome, String newExceptionId) {
        return new Finding(checkId, severity, resourceType, resourceId, resourceName, provider, newOutcome,
                message, origin, newExceptionId);
    }
}
