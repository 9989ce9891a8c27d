package dev.vouch.server;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code vouch serve} runs.
 *
 * @param workspace the workspace folder (holding vouch.yaml)
 * @param bind the address to listen on (loopback by default)
 * @param port 0 picks a free port (tests)
 * @param behindTls the server sits behind a TLS-terminating proxy: cookies are Secure and HSTS is sent
 * @param idleTimeout sessions end after this long without a request
 * @param scheduler run the workspace's scan schedule inside the server
 * @param clock the clock for everything the server decides by time
 * @param trustedProxies behind TLS: the only addresses whose X-Forwarded-For/-Proto are believed (empty: any private one)
 */
public record ServerSettings(Path workspace, InetAddress bind, int port, boolean behindTls, Duration idleTimeout,
        boolean scheduler, Optional<Long> maxUploadBytes, Clock clock, java.util.List<InetAddress> trustedProxies) {
    public static final long DEFAULT_MAX_UPLOAD = 50L * 1024 * 1024;

    /** Without named proxies: behind TLS, X-Forwarded-* is trusted from private and loopback addresses. */
    public ServerSettings(Path workspace, InetAddress bind, int port, boolean behindTls, Duration idleTimeout, boolean scheduler,
            Optional<Long> maxUploadBytes, Clock clock) {
        this(workspace, bind, port, behindTls, idleTimeout, scheduler, maxUploadBytes, clock, java.util.List.of());
    }

    public ServerSettings {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxUploadBytes, "maxUploadBytes");
        Objects.requireNonNull(clock, "clock");
        trustedProxies = java.util.List.copyOf(trustedProxies);
    }

    public long maxUpload() {
        return maxUploadBytes.orElse(DEFAULT_MAX_UPLOAD);
    }

    /** Loopback on a free port, no scheduler: for tests. */
    public static ServerSettings forTest(Path workspace, Clock clock) {
        return new ServerSettings(workspace, InetAddress.getLoopbackAddress(), 0, false, Duration.ofMinutes(30), false,
                Optional.empty(), clock);
    }
}
