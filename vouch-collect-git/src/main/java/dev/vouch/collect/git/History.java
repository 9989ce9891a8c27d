package dev.vouch.collect.git;

import dev.vouch.collect.git.GitCollector.Period;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The default branch's history inside the period.
 *
 * @param firstParent first-parent commits (the changes as they landed), newest first
 * @param all every commit reachable from the tip with a committer time in the period, newest first
 * @param truncated the history is shallow and ends inside the period, so the counts are incomplete
 */
record History(List<CommitFacts> firstParent, List<CommitFacts> all, boolean truncated) {

    /** Commits older than the period tolerated in a row before a walk stops (clock skew between committers). */
    static final int SKEW_TOLERANCE = 100;

    static History empty() {
        return new History(List.of(), List.of(), false);
    }

    static History read(Repository repo, ObjectId tip, Period period) throws IOException {
        Set<ObjectId> shallow = repo.getObjectDatabase().getShallowCommits();
        List<CommitFacts> firstParent = new ArrayList<>();
        boolean truncated = false;
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(tip);
            int older = 0;
            while (older < SKEW_TOLERANCE) {
                if (period.contains(c.getCommitterIdent().getWhenAsInstant())) {
                    firstParent.add(CommitFacts.of(c));
                    older = 0;
                } else if (c.getCommitterIdent().getWhenAsInstant().isBefore(period.start())) {
                    older++;
                }
                if (c.getParentCount() == 0 || shallow.contains(c)) {
                    truncated = shallow.contains(c) && !c.getCommitterIdent().getWhenAsInstant().isBefore(period.start());
                    break;
                }
                c = walk.parseCommit(c.getParent(0));
            }
        }
        return new History(firstParent, all(repo, tip, period), truncated);
    }

    private static List<CommitFacts> all(Repository repo, ObjectId tip, Period period) throws IOException {
        List<CommitFacts> all = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            walk.markStart(walk.parseCommit(tip));
            int older = 0;
            for (RevCommit c : walk) {
                if (period.contains(c.getCommitterIdent().getWhenAsInstant())) {
                    all.add(CommitFacts.of(c));
                    older = 0;
                } else if (c.getCommitterIdent().getWhenAsInstant().isBefore(period.start()) && ++older >= SKEW_TOLERANCE) {
                    break;
                }
            }
        }
        return all;
    }
}
