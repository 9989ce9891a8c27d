package dev.vouch.server;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A multipart/form-data body as a browser sends it: form fields and one file part. */
record Multipart(String contentType, byte[] body) {
    private static final String BOUNDARY = "----VouchTestBoundary7MA4YWxkTrZu0gW";

    /**
     * @param filenameParam the file part's Content-Disposition file name parameter as sent, e.g. {@code filename="a.txt"}
     *        or {@code filename*=UTF-8''a%07.txt}
     */
    static Multipart of(Map<String, List<String>> fields, String filenameParam, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, vs) -> vs.forEach(v -> write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n")));
        write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; " + filenameParam
                + "\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + BOUNDARY + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + BOUNDARY, out.toByteArray());
    }

    /** A valid evidence upload for {@code control} covering the first quarter of 2026, plus {@code extra} fields. */
    static Multipart evidence(String control, String filename, byte[] content, Map<String, String> extra) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("control", List.of(control));
        fields.put("from", List.of("2026-01-01"));
        fields.put("to", List.of("2026-03-31"));
        fields.put("note", List.of("quarterly access review"));
        extra.forEach((k, v) -> fields.put(k, List.of(v)));
        return of(fields, "filename=\"" + filename + "\"", content);
    }

    HttpRequest.Builder post(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
