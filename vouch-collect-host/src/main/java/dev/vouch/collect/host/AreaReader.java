package dev.vouch.collect.host;

/** Reads one area of the host into the properties of its {@code linux.<area>} resource. */
interface AreaReader {
    AreaData read(HostContext ctx);
}
