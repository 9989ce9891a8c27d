package dev.vouch.store;

import dev.vouch.model.Finding;

/** How one (check, resource) pair differs between two points in the history. */
public sealed interface FindingChange {

    String checkId();

    String resourceId();

    /** The pair was not evaluated before and is now. */
    record Appeared(Finding now) implements FindingChange {
        public String checkId() { return now.checkId(); }
        public String resourceId() { return now.resourceId(); }
    }

    /** The pair was evaluated before and no longer is (resource gone, check removed or not applicable any more). */
    record Disappeared(Finding before) implements FindingChange {
        public String checkId() { return before.checkId(); }
        public String resourceId() { return before.resourceId(); }
    }

    /** The pair's outcome, message, severity or exception changed. */
    record Changed(Finding before, Finding now) implements FindingChange {
        public String checkId() { return now.checkId(); }
        public String resourceId() { return now.resourceId(); }
    }
}
