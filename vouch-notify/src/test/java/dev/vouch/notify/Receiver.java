package dev.vouch.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A local webhook receiver on 127.0.0.1:0 answering scripted responses (default 200 "ok"). */
final class Receiver implements AutoCloseable {
    record Reply(int status, Map<String, String> headers, String body) {
    }

    record Received(String path, String contentType, String body) {
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    final List<Received> received = new ArrayList<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Reply reply;
                synchronized (this) {
                    received.add(new Received(exchange.getRequestURI().toString(),
                            exchange.getRequestHeaders().getFirst("Content-Type"), body));
                    reply = script.isEmpty() ? new Reply(200, Map.of(), "ok") : script.poll();
                }
                reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
    }

    synchronized Receiver then(int status, Map<String, String> headers, String body) {
        script.add(new Reply(status, headers, body));
        return this;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
