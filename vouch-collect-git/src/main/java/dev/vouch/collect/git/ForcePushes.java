package dev.vouch.collect.git;

import dev.vouch.collect.git.GitCollector.Period;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ReflogEntry;
import org.eclipse.jgit.lib.ReflogReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * History rewrites of the default branch seen in the reflogs, within the period.
 *
 * <p>An entry of the remote-tracking ref counts when its message contains {@code forced-update}
 * or its old commit is not an ancestor of its new one. An entry of the local branch counts the
 * same way, but only when the discarded commit had been published (reachable from the
 * remote-tracking ref or one of its reflog entries), or when there is no remote-tracking ref (the
 * local branch is then the record: a bare server repository or a local-only one). Events are
 * counted once per discarded commit.
 *
 * @param count rewrites seen
 * @param examples up to 10, {@code <time> <ref> <old>..<new> <reflog message>}
 * @param reflogSince the oldest entry of the analysed ref's reflog
 * @param coversPeriod the analysed ref's reflog reaches back to the period start, or records the
 *     branch's creation with its root commit, so a zero count means none happened
 */
record ForcePushes(long count, List<String> examples, Optional<Instant> reflogSince, boolean coversPeriod) {

    static final int MAX_EXAMPLES = 10;

    static ForcePushes none() {
        return new ForcePushes(0, List.of(), Optional.empty(), false);
    }

    static ForcePushes read(Repository repo, DefaultBranch branch, Period period) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            List<ReflogEntry> tracking = entries(repo, branch.trackingRef());
            List<ReflogEntry> local = entries(repo, branch.localRef());
            Map<ObjectId, String> events = new LinkedHashMap<>();
            branch.trackingRef().ifPresent(ref -> collect(walk, ref, tracking, period, old -> true, events));
            Set<ObjectId> published = new LinkedHashSet<>();
            tracking.forEach(e -> published.add(e.getNewId()));
            branch.tip().filter(t -> branch.trackingRef().isPresent()).ifPresent(published::add);
            branch.localRef().ifPresent(ref -> collect(walk, ref, local, period,
                    old -> branch.trackingRef().isEmpty() || reachableFromAny(walk, old, published), events));
            List<ReflogEntry> analysed = branch.trackingRef().isPresent() ? tracking : local;
            Optional<ReflogEntry> oldest = analysed.isEmpty() ? Optional.empty() : Optional.of(analysed.get(analysed.size() - 1));
            Optional<Instant> since = oldest.map(e -> e.getWho().getWhenAsInstant());
            boolean covers = oldest.map(e -> !e.getWho().getWhenAsInstant().isAfter(period.start())
                    || bornWithRoot(walk, e)).orElse(false);
            List<String> examples = events.values().stream().limit(MAX_EXAMPLES).toList();
            return new ForcePushes(events.size(), examples, since, covers);
        }
    }

    private static List<ReflogEntry> entries(Repository repo, Optional<String> ref) throws IOException {
        if (ref.isEmpty()) {
            return List.of();
        }
        ReflogReader reader = repo.getRefDatabase().getReflogReader(ref.get());
        return reader == null ? List.of() : reader.getReverseEntries();
    }

    private static void collect(RevWalk walk, String ref, List<ReflogEntry> entries, Period period,
            java.util.function.Predicate<ObjectId> published, Map<ObjectId, String> events) {
        for (ReflogEntry e : entries) {
            Instant when = e.getWho().getWhenAsInstant();
            if (!period.contains(when) || e.getOldId().equals(ObjectId.zeroId()) || events.containsKey(e.getOldId())) {
                continue;
            }
            boolean rewrite = e.getComment().contains("forced-update") || !isAncestor(walk, e.getOldId(), e.getNewId());
            if (rewrite && published.test(e.getOldId())) {
                events.put(e.getOldId().copy(), when + " " + ref + " " + e.getOldId().abbreviate(7).name() + ".."
                        + e.getNewId().abbreviate(7).name() + " " + e.getComment());
            }
        }
    }

    private static boolean isAncestor(RevWalk walk, ObjectId ancestor, ObjectId descendant) {
        if (descendant.equals(ObjectId.zeroId())) {
            return false;
        }
        try {
            walk.reset();
            return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(descendant));
        } catch (MissingObjectException e) {
            return false; // the old commit is gone: it was discarded, so this was no fast-forward
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot compare commits " + ancestor.name() + " and "
                    + descendant.name() + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachableFromAny(RevWalk walk, ObjectId commit, Set<ObjectId> tips) {
        return tips.stream().anyMatch(t -> t.equals(commit) || isAncestor(walk, commit, t));
    }

    private static boolean bornWithRoot(RevWalk walk, ReflogEntry e) {
        if (!e.getOldId().equals(ObjectId.zeroId())) {
            return false;
        }
        try {
            walk.reset();
            RevCommit first = walk.parseCommit(e.getNewId());
            return first.getParentCount() == 0;
        } catch (IOException ex) {
            return false;
        }
    }
}
