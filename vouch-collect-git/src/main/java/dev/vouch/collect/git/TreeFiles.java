package dev.vouch.collect.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads files from the tree of one commit (not the working tree), so bare repositories work too. */
final class TreeFiles {
    /** Files larger than this are not read (a CODEOWNERS or settings file is a few KB). */
    static final int MAX_BYTES = 1 << 20;

    private final Repository repo;
    private final Optional<RevTree> tree;

    TreeFiles(Repository repo, Optional<ObjectId> commit) throws IOException {
        this.repo = repo;
        if (commit.isEmpty()) {
            this.tree = Optional.empty();
        } else {
            try (RevWalk walk = new RevWalk(repo)) {
                this.tree = Optional.of(walk.parseCommit(commit.get()).getTree());
            }
        }
    }

    boolean isFile(String path) throws IOException {
        return entry(path).map(Entry::file).orElse(false);
    }

    Optional<String> read(String path) throws IOException {
        Optional<Entry> e = entry(path);
        if (e.isEmpty() || !e.get().file()) {
            return Optional.empty();
        }
        byte[] bytes = repo.open(e.get().id()).getCachedBytes(MAX_BYTES);
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Names of the files directly inside {@code dir} (no recursion), sorted. */
    List<String> list(String dir) throws IOException {
        Optional<Entry> e = entry(dir);
        List<String> names = new ArrayList<>();
        if (e.isEmpty() || e.get().type() != FileMode.TYPE_TREE) {
            return names;
        }
        try (TreeWalk children = new TreeWalk(repo)) {
            children.addTree(e.get().id());
            children.setRecursive(false);
            while (children.next()) {
                if ((children.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE) {
                    names.add(children.getNameString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    private Optional<Entry> entry(String path) throws IOException {
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        try (TreeWalk w = TreeWalk.forPath(repo, path, tree.get())) {
            return w == null ? Optional.empty() : Optional.of(new Entry(w.getRawMode(0) & FileMode.TYPE_MASK, w.getObjectId(0)));
        }
    }

    private record Entry(int type, ObjectId id) {
        boolean file() {
            return type == FileMode.TYPE_FILE;
        }
    }
}
