package dev.vouch.collect.git;

import dev.vouch.collect.git.RecipeParser.Recipe;
import dev.vouch.collect.git.RecipeStep.Authorship;
import dev.vouch.collect.git.RecipeStep.Ident;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheCheckout;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

/** Writes a parsed recipe into a real repository with JGit: objects, refs and reflogs. */
final class RecipeWriter {
    private final Repository repo;
    private final Recipe recipe;
    private final String file;
    /** Each written commit's full file set, so merges, squashes and rewrites know their trees. */
    private final Map<ObjectId, Map<String, String>> snapshots = new HashMap<>();
    private final Map<String, ObjectId> ids = new HashMap<>();
    private String current;

    RecipeWriter(Repository repo, Recipe recipe, String file) {
        this.repo = repo;
        this.recipe = recipe;
        this.file = file;
        this.current = recipe.defaultBranch();
    }

    void write() throws IOException {
        for (RecipeStep step : recipe.steps()) {
            try {
                apply(step);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalArgumentException("Recipe " + file + ":" + step.line() + ": " + e.getMessage(), e);
            }
        }
        Optional<ObjectId> head = tip(recipe.defaultBranch());
        if (head.isEmpty()) {
            throw new IllegalArgumentException("Recipe " + file + ": the default branch '" + recipe.defaultBranch() + "' has no commit");
        }
        link(Constants.HEAD, Constants.R_HEADS + recipe.defaultBranch());
        try (RevWalk walk = new RevWalk(repo)) {
            DirCacheCheckout checkout = new DirCacheCheckout(repo, repo.lockDirCache(), walk.parseCommit(head.get()).getTree());
            checkout.checkout();
        }
    }

    private void apply(RecipeStep step) throws IOException {
        if (step instanceof RecipeStep.Commit c) {
            Map<String, String> files = new TreeMap<>(currentFiles());
            files.putAll(c.files());
            advance(c.id(), commit(c.who(), parents(), files), c.who(), "commit: ");
        } else if (step instanceof RecipeStep.Merge m) {
            ObjectId other = branchTip(m.branch(), "merge");
            List<ObjectId> parents = new ArrayList<>(parents());
            parents.add(other);
            advance(m.id(), commit(m.who(), parents, overlay(other)), m.who(), "merge " + m.branch() + ": ");
        } else if (step instanceof RecipeStep.Squash s) {
            ObjectId other = branchTip(s.branch(), "squash");
            advance(s.id(), commit(s.who(), parents(), overlay(other)), s.who(), "commit: ");
        } else if (step instanceof RecipeStep.Branch b) {
            ObjectId from = b.from().map(this::resolve).orElseGet(() -> tip(current)
                    .orElseThrow(() -> new IllegalArgumentException("branch '" + b.name() + "' needs a commit to start from")));
            updateRef(Constants.R_HEADS + b.name(), from, who(from), "branch: Created from " + b.from().orElse(current), false);
            current = b.name();
        } else if (step instanceof RecipeStep.Switch s) {
            branchTip(s.name(), "switch to");
            current = s.name();
        } else if (step instanceof RecipeStep.ForcePush f) {
            forcePush(f);
        }
    }

    private ObjectId branchTip(String branch, String action) {
        return tip(branch).orElseThrow(() -> new IllegalArgumentException("no branch '" + branch + "' to " + action));
    }

    private void forcePush(RecipeStep.ForcePush f) throws IOException {
        String branch = f.branch().orElse(current);
        ObjectId old = tip(branch).orElseThrow(() -> new IllegalArgumentException("no branch '" + branch + "' to force-push"));
        ObjectId target = f.to().map(this::resolve).orElseGet(() -> back(old, f.back()));
        PersonIdent by = person(f.by(), f.date());
        updateRef(Constants.R_HEADS + branch, target, by, "reset: moving to " + target.name(), true);
        if (recipe.remote().isPresent() && branch.equals(recipe.defaultBranch())) {
            updateRef(tracking(), target, by, f.trackingMessage(), true);
        }
    }

    private void advance(Optional<String> id, ObjectId commit, Authorship who, String prefix) throws IOException {
        PersonIdent committer = person(who.committer(), who.date());
        String subject = who.message().lines().findFirst().orElse("");
        boolean initial = tip(current).isEmpty();
        updateRef(Constants.R_HEADS + current, commit, committer, (initial ? "commit (initial): " : prefix) + subject, false);
        if (recipe.remote().isPresent() && current.equals(recipe.defaultBranch())) {
            updateRef(tracking(), commit, committer, "update by push", false);
        }
        id.ifPresent(label -> {
            if (ids.put(label, commit) != null) {
                throw new IllegalArgumentException("commit id '" + label + "' is used twice");
            }
        });
    }

    private ObjectId commit(Authorship who, List<ObjectId> parents, Map<String, String> files) throws IOException {
        try (ObjectInserter inserter = repo.newObjectInserter()) {
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(tree(inserter, files));
            cb.setParentIds(parents);
            cb.setAuthor(person(who.author(), who.date()));
            cb.setCommitter(person(who.committer(), who.date()));
            cb.setMessage(who.message());
            if (who.signing() != RecipeStep.Signing.NONE) {
                cb.setGpgSignature(new GpgSignature(Signatures.armor(who.signing(), cb.build())));
            }
            ObjectId id = inserter.insert(cb);
            inserter.flush();
            snapshots.put(id, Map.copyOf(files));
            return id;
        }
    }

    private ObjectId tree(ObjectInserter inserter, Map<String, String> files) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(f.getKey());
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private void updateRef(String ref, ObjectId to, PersonIdent who, String message, boolean force) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        ObjectId old = Optional.ofNullable(u.getOldObjectId()).orElse(ObjectId.zeroId());
        u.setNewObjectId(to);
        u.disableRefLog(); // JGit stamps reflog entries with the wall clock; recipes need their own dates
        RefUpdate.Result r = force ? u.forceUpdate() : u.update();
        switch (r) {
            case NEW, FAST_FORWARD, FORCED, NO_CHANGE -> { }
            default -> throw new IllegalStateException("cannot move " + ref + " to " + to.name() + ": " + r
                    + (r == RefUpdate.Result.REJECTED ? " (not a fast-forward: use a force-push step)" : ""));
        }
        appendReflog(ref, old, to, who, message);
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic() && head.getTarget().getName().equals(ref)) {
            appendReflog(Constants.HEAD, old, to, who, message);
        }
    }

    /** Appends one line in git's reflog format: {@code <old> <new> <name> <<email>> <epoch> <tz>\t<message>}. */
    private void appendReflog(String ref, ObjectId old, ObjectId to, PersonIdent who, String message) throws IOException {
        Path log = repo.getDirectory().toPath().resolve(Constants.LOGS).resolve(ref);
        Files.createDirectories(log.getParent());
        String line = old.name() + " " + to.name() + " " + who.toExternalString() + "\t" + message.replace('\n', ' ') + "\n";
        Files.writeString(log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    void link(String ref, String target) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        u.disableRefLog();
        RefUpdate.Result r = u.link(target);
        if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED && r != RefUpdate.Result.NO_CHANGE) {
            throw new IllegalStateException("cannot link " + ref + " to " + target + ": " + r);
        }
    }

    private Map<String, String> overlay(ObjectId other) {
        Map<String, String> files = new TreeMap<>(currentFiles());
        files.putAll(snapshots.getOrDefault(other, Map.of()));
        return files;
    }

    private Map<String, String> currentFiles() {
        return tip(current).map(id -> snapshots.getOrDefault(id, Map.of())).orElse(Map.of());
    }

    private List<ObjectId> parents() {
        return tip(current).map(List::of).orElse(List.of());
    }

    private Optional<ObjectId> tip(String branch) {
        try {
            return Optional.ofNullable(repo.exactRef(Constants.R_HEADS + branch)).map(r -> r.getObjectId());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read branch " + branch, e);
        }
    }

    private ObjectId resolve(String idOrBranch) {
        return Optional.ofNullable(ids.get(idOrBranch)).or(() -> tip(idOrBranch))
                .orElseThrow(() -> new IllegalArgumentException("no commit id or branch '" + idOrBranch + "'"));
    }

    private ObjectId back(ObjectId from, int steps) {
        try (RevWalk walk = new RevWalk(repo)) {
            var c = walk.parseCommit(from);
            for (int i = 0; i < steps; i++) {
                if (c.getParentCount() == 0) {
                    throw new IllegalArgumentException("cannot go back " + steps + " commits from " + from.name());
                }
                c = walk.parseCommit(c.getParent(0));
            }
            return c.copy();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot walk from " + from.name(), e);
        }
    }

    private PersonIdent who(ObjectId commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(commit).getCommitterIdent();
        }
    }

    private String tracking() {
        return Constants.R_REMOTES + "origin/" + recipe.defaultBranch();
    }

    static PersonIdent person(Ident ident, OffsetDateTime date) {
        return new PersonIdent(ident.name(), ident.email(), date.toInstant(), date.getOffset());
    }
}
