package dev.vouch.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A webhook receiver on 127.0.0.1: keeps every POST; paths under /broken answer 400, the rest 200. */
final class HookReceiver implements AutoCloseable {
    record Received(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();

    HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String path = exchange.getRequestURI().getPath();
                synchronized (this) {
                    received.add(new Received(path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
                }
                byte[] reply = (path.startsWith("/broken") ? "no such hook" : "ok").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(path.startsWith("/broken") ? 400 : 200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    synchronized List<Received> received(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
