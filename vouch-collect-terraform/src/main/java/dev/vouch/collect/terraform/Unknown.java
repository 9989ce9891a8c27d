package dev.vouch.collect.terraform;

/** The value of an expression that cannot be resolved statically; it propagates through expressions. */
enum Unknown {
    VALUE;

    @Override
    public String toString() {
        return "(unknown)";
    }
}
