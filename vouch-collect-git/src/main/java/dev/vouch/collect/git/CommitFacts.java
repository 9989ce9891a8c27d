package dev.vouch.collect.git;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.revwalk.FooterLine;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * What the collector needs from one commit.
 *
 * @param sha full hex id
 * @param subject the first line of the message
 * @param time committer time (when the commit landed, for merges and squashes)
 * @param authorName author name
 * @param authorEmail author email, possibly empty
 * @param parents parent count
 * @param signature {@code gpg}, {@code ssh}, {@code x509}, {@code unknown} or empty when unsigned
 * @param reviewPath how the change arrived: {@code pull-request-merge}, {@code squash-merge},
 *     {@code review-trailer}, or {@link ReviewPath#NONE}
 */
record CommitFacts(String sha, String subject, Instant time, String authorName, String authorEmail,
        int parents, String signature, ReviewPath reviewPath) {

    /** The reviewed paths a first-parent commit can have arrived through. */
    enum ReviewPath {
        PULL_REQUEST_MERGE("pull-request-merge"), SQUASH_MERGE("squash-merge"), REVIEW_TRAILER("review-trailer"), NONE("");

        final String key;

        ReviewPath(String key) {
            this.key = key;
        }
    }

    private static final Pattern PR_MERGE = Pattern.compile(
            "^(Merge pull request #\\d+ from \\S+"                      // GitHub
            + "|Merged PR \\d+:.*"                                      // Azure DevOps
            + "|Merged in \\S+ \\(pull request #\\d+\\).*)");           // Bitbucket
    private static final Pattern GITLAB_MR = Pattern.compile("(?m)^See merge request \\S+!\\d+\\s*$");
    private static final Pattern SQUASH = Pattern.compile("\\(#\\d+\\)\\s*$");
    private static final java.util.Set<String> TRAILERS = java.util.Set.of("reviewed-by", "approved-by", "reviewed-on");

    static CommitFacts of(RevCommit c) {
        return new CommitFacts(c.getName(), c.getShortMessage(), c.getCommitterIdent().getWhenAsInstant(),
                c.getAuthorIdent().getName(), c.getAuthorIdent().getEmailAddress(), c.getParentCount(),
                signatureKind(c.getRawGpgSignature()), reviewPath(c));
    }

    static ReviewPath reviewPath(RevCommit c) {
        String message = c.getFullMessage();
        String subject = c.getShortMessage();
        if (c.getParentCount() > 1 && (PR_MERGE.matcher(subject).find() || GITLAB_MR.matcher(message).find())) {
            return ReviewPath.PULL_REQUEST_MERGE;
        }
        if (c.getParentCount() <= 1 && SQUASH.matcher(subject).find()) {
            return ReviewPath.SQUASH_MERGE;
        }
        for (FooterLine footer : c.getFooterLines()) {
            if (TRAILERS.contains(footer.getKey().toLowerCase(Locale.ROOT)) && !footer.getValue().isBlank()) {
                return ReviewPath.REVIEW_TRAILER;
            }
        }
        return ReviewPath.NONE;
    }

    /** The kind of signature in a raw {@code gpgsig} header, or empty when there is none. */
    static String signatureKind(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return "";
        }
        String armor = new String(raw, StandardCharsets.US_ASCII);
        if (armor.contains("BEGIN PGP SIGNATURE")) {
            return "gpg";
        }
        if (armor.contains("BEGIN SSH SIGNATURE")) {
            return "ssh";
        }
        if (armor.contains("BEGIN SIGNED MESSAGE") || armor.contains("BEGIN PKCS7")) {
            return "x509";
        }
        return "unknown";
    }

    boolean signed() {
        return !signature.isEmpty();
    }

    boolean reviewed() {
        return reviewPath != ReviewPath.NONE;
    }

    boolean merge() {
        return parents > 1;
    }

    /** {@code 1a2b3c4 subject}, as shown in examples. */
    String example() {
        return sha.substring(0, 7) + " " + subject;
    }
}
