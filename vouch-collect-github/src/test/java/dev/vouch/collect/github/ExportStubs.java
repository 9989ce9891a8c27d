package dev.vouch.collect.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Serves a saved export directory over WireMock at the URLs the live collector requests. */
final class ExportStubs {
    private ExportStubs() { }

    static void serve(WireMockServer server, Path dir, String owner) {
        stub(server, "/users/" + owner, dir.resolve("owner.json"));
        stub(server, "/orgs/" + owner, dir.resolve("org.json"));
        List<String> repoBodies = new ArrayList<>();
        for (Path repo : list(dir.resolve("repos"))) {
            repoBodies.add(read(repo.resolve("repo.json")));
            String base = "/repos/" + owner + "/" + repo.getFileName();
            stub(server, base, repo.resolve("repo.json"));
            stub(server, base + "/branches/main/protection", repo.resolve("protection.json"));
            if (Files.exists(repo.resolve("rules.json"))) {
                stub(server, base + "/rules/branches/main?per_page=100", repo.resolve("rules.json"));
            } else {
                server.stubFor(get(urlEqualTo(base + "/rules/branches/main?per_page=100")).willReturn(aResponse().withStatus(200).withBody("[]")));
            }
            stub(server, base + "/vulnerability-alerts", repo.resolve("vulnerability-alerts.json"));
            Path pulls = repo.resolve("pulls.json");
            stub(server, base + "/pulls?state=closed&base=main&sort=updated&direction=desc&per_page=100", pulls);
            for (Object o : Json.list(Json.parse(read(pulls)))) {
                Map<String, Object> pr = Json.map(o);
                long n = PullRequests.number(pr);
                stub(server, base + "/pulls/" + n + "/reviews?per_page=100", repo.resolve("reviews/" + n + ".json"));
                String sha = Json.string(Json.map(pr.get("head")), "sha");
                stub(server, base + "/commits/" + sha + "/check-runs?per_page=100", repo.resolve("check-runs/" + n + ".json"));
            }
        }
        server.stubFor(get(urlEqualTo("/orgs/" + owner + "/repos?type=all&per_page=100"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + String.join(",", repoBodies) + "]")));
    }

    static void stub(WireMockServer server, String url, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        String body = read(file);
        Object parsed = body.isBlank() ? Map.of() : Json.parse(body);
        int status = 200;
        if (Fetched.fromErrorBody(parsed, "") != null) {
            status = Integer.parseInt(String.valueOf(Json.map(parsed).get("status")));
        } else if (parsed instanceof Map<?, ?> m && m.isEmpty()) {
            server.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(204)));
            return;
        }
        server.stubFor(get(urlEqualTo(url)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
