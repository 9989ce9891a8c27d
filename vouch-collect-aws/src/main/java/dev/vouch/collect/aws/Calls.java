package dev.vouch.collect.aws;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs the SDK calls of one collection and keeps what went wrong: a failed call is a CollectionError
 * naming the IAM action ({@code iam:GetCredentialReport}); a failed per-item call also puts an error on
 * that item's resource (by id), and a failed list call leaves a placeholder of that resource type with
 * the error, so the checks on that kind are ERROR rather than silently absent. AWS error messages are
 * quoted; credentials never are (the SDK does not put them in exceptions).
 */
final class Calls {
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "AuthorizationErrorException");
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidClientTokenId", "UnrecognizedClientException",
            "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId");

    /** What one call gave: a value, an absence AWS signals with an error code, or a failure (already recorded). */
    sealed interface Result<T> permits Got, Absent, Failed {
    }

    record Got<T>(T value) implements Result<T> {
    }

    record Absent<T>(String code) implements Result<T> {
    }

    record Failed<T>(String message) implements Result<T> {
    }

    /** A resource type whose listing failed: becomes one errored resource of that type. */
    record Placeholder(String type, String id, String error) {
    }

    private final List<CollectionError> errors = new ArrayList<>();
    private final Map<String, List<String>> resourceErrors = new LinkedHashMap<>();
    private final List<Placeholder> placeholders = new ArrayList<>();
    private int requests;

    /** Runs {@code call}; the error codes in {@code absentCodes} mean "not configured", not failure. */
    <T> Result<T> run(String action, String target, Set<String> absentCodes, Supplier<T> call) {
        requests++;
        try {
            return new Got<>(call.get());
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
            if (absentCodes.contains(code)) {
                return new Absent<>(code);
            }
            return fail(action, target, describe(action, code, e));
        } catch (SdkException e) {
            return fail(action, target, action + " failed on " + target + ": " + e.getMessage());
        }
    }

    <T> Result<T> run(String action, String target, Supplier<T> call) {
        return run(action, target, Set.of(), call);
    }

    private <T> Result<T> fail(String action, String target, String message) {
        errors.add(new CollectionError(Origin.of(AwsLiveCollector.SOURCE, action + " " + target), message));
        return new Failed<>(message);
    }

    private static String describe(String action, String code, AwsServiceException e) {
        String aws = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String reason = (code.isEmpty() || code.equals("null") ? "" : code + ", ") + "HTTP " + e.statusCode()
                + (aws == null || aws.isBlank() ? "" : ": " + aws);
        if (BAD_CREDENTIALS.contains(code)) {
            return action + " rejected the credentials (" + reason + "); check the AWS profile or environment";
        }
        if (DENIED.contains(code) || e.statusCode() == 403) {
            return action + " was denied (" + reason + "); grant " + action
                    + " (the AWS managed policy SecurityAudit covers it)";
        }
        return action + " failed (" + reason + ")";
    }

    void resourceError(String resourceId, String message) {
        resourceErrors.computeIfAbsent(resourceId, k -> new ArrayList<>()).add(message);
    }

    void placeholder(String type, String id, String message) {
        placeholders.add(new Placeholder(type, id, message));
    }

    /** A gap this build cannot collect at all: a CollectionError, never a PASS. */
    void gap(String what, String message) {
        errors.add(new CollectionError(Origin.of(AwsLiveCollector.SOURCE, what), message));
    }

    List<CollectionError> errors() {
        return errors;
    }

    Map<String, List<String>> resourceErrors() {
        return resourceErrors;
    }

    List<Placeholder> placeholders() {
        return placeholders;
    }

    /** SDK operations started (each may be several HTTP attempts when retried). */
    int requests() {
        return requests;
    }
}
