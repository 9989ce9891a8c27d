package dev.vouch.collect.awsoffline;

/** Reads the parts of an ARN ({@code arn:partition:service:region:account:resource}). */
final class Arns {
    private Arns() {
    }

    /** The 12-digit account id in the ARN, or empty. */
    static String account(Object arn) {
        String part = part(arn, 4);
        return part.matches("\\d{12}") ? part : "";
    }

    /** The region in the ARN, or empty (global services such as IAM and S3 have none). */
    static String region(Object arn) {
        return part(arn, 3);
    }

    private static String part(Object arn, int index) {
        if (!(arn instanceof String s) || !s.startsWith("arn:")) {
            return "";
        }
        String[] parts = s.split(":", 6);
        return parts.length > index ? parts[index] : "";
    }
}
