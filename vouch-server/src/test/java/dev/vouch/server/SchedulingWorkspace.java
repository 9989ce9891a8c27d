package dev.vouch.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** A copy of examples/acme scanning its Terraform only (a scan takes seconds), with extra vouch.yaml lines. */
final class SchedulingWorkspace {
    private SchedulingWorkspace() {
    }

    static Path create(Path dir, String extraYaml) {
        Path ws = ServerFixture.copyExample(dir.resolve("ws"));
        try {
            Files.writeString(ws.resolve("vouch.yaml"), "organization: Acme Analytics, Inc.\n"
                    + "categories: [security, availability, confidentiality]\n"
                    + "sources:\n  terraform: [infra/terraform]\n" + extraYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ws;
    }

    /** Polls {@code condition} every 50 ms until it holds; fails with {@code what} after a generous deadline. */
    static void await(String what, BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 180_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            ServerFixture.sleep(50);
        }
    }
}
