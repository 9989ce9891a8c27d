package dev.vouch.collect.graph;

/** The Entra tenant an export belongs to: its id (from the {@code organization} export) or {@code unknown}. */
record Tenant(String id) {
    static final String UNKNOWN = "unknown";

    String scope() {
        return "tenant:" + id;
    }
}
