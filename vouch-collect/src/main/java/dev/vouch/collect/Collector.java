package dev.vouch.collect;

import dev.vouch.model.Collection;
import java.nio.file.Path;

/**
 * Reads one kind of source and emits normalized {@link dev.vouch.model.Resource}s plus the
 * {@link dev.vouch.model.CollectionError}s met on the way. A collector never throws for bad input
 * inside the source (a malformed file is a CollectionError naming file and line, and the other files
 * are still read); it throws {@link IllegalArgumentException} only when the path itself is unusable
 * (missing, empty, not a directory), with a message naming it. Clock, command runners and file roots
 * are injected through constructors, never static.
 */
public interface Collector {
    /** The source kind, used in {@link dev.vouch.model.Origin#source()}: {@code terraform}, {@code arm} ... */
    String source();

    Collection collect(Path path);
}
