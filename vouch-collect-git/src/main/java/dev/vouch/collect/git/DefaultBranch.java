package dev.vouch.collect.git;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;

/**
 * The default branch and the ref whose history is analysed: the remote-tracking ref
 * ({@code refs/remotes/<remote>/<branch>}, the published state) when it exists, else the local branch.
 *
 * @param name branch name, e.g. {@code main}; empty when the repository has no branch at all
 * @param how how it was determined: {@code remote-head}, {@code bare-head}, {@code main}, {@code master}, {@code current}
 * @param analysedRef full name of the ref analysed, or empty
 * @param localRef {@code refs/heads/<name>} when it exists
 * @param trackingRef {@code refs/remotes/<remote>/<name>} when it exists
 * @param tip the commit the analysed ref points at
 */
record DefaultBranch(String name, String how, String analysedRef, Optional<String> localRef,
        Optional<String> trackingRef, Optional<ObjectId> tip) {

    static DefaultBranch resolve(Repository repo, Optional<String> remote) throws IOException {
        String[] found = find(repo, remote);
        String name = found[0];
        Optional<String> local = existing(repo, Constants.R_HEADS + name);
        Optional<String> tracking = remote.flatMap(r -> existingUnchecked(repo, Constants.R_REMOTES + r + "/" + name));
        String analysed = tracking.or(() -> local).orElse("");
        Optional<ObjectId> tip = analysed.isEmpty() ? Optional.empty()
                : Optional.ofNullable(repo.exactRef(analysed)).map(Ref::getObjectId);
        return new DefaultBranch(name, found[1], analysed, local, tracking, tip);
    }

    private static String[] find(Repository repo, Optional<String> remote) throws IOException {
        if (remote.isPresent()) {
            Ref remoteHead = repo.exactRef(Constants.R_REMOTES + remote.get() + "/" + Constants.HEAD);
            if (remoteHead != null && remoteHead.isSymbolic()) {
                String target = remoteHead.getTarget().getName();
                return new String[] {target.substring((Constants.R_REMOTES + remote.get() + "/").length()), "remote-head"};
            }
        }
        Ref head = repo.exactRef(Constants.HEAD);
        String current = head != null && head.isSymbolic() ? Repository.shortenRefName(head.getTarget().getName()) : "";
        if (repo.isBare() && !current.isEmpty()) {
            return new String[] {current, "bare-head"};
        }
        for (String candidate : List.of("main", "master")) {
            if (repo.exactRef(Constants.R_HEADS + candidate) != null
                    || remote.map(r -> existingUnchecked(repo, Constants.R_REMOTES + r + "/" + candidate).isPresent()).orElse(false)) {
                return new String[] {candidate, candidate};
            }
        }
        return new String[] {current, "current"};
    }

    private static Optional<String> existing(Repository repo, String refName) throws IOException {
        return repo.exactRef(refName) != null ? Optional.of(refName) : Optional.empty();
    }

    private static Optional<String> existingUnchecked(Repository repo, String refName) {
        try {
            return existing(repo, refName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read ref " + refName + ": " + e.getMessage(), e);
        }
    }
}
