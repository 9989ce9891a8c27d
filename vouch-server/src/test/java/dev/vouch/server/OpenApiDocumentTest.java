package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.auth.TokenScope;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;

/**
 * The OpenAPI document at /api/v1/openapi.json against the routes the running server really maps: no route missing
 * from it, none in it that the server lacks, parameters and bodies as the handlers take them, and the documented
 * response shapes as the server really answers.
 */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    @TempDir
    static Path dir;
    static ServerFixture f;
    static JsonNode doc;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        f = ServerFixture.start(dir);
        HttpResponse<String> r = f.api("GET", "/api/v1/openapi.json", null, null);
        assertThat(r.statusCode()).as("openapi.json is public").isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        doc = JSON.readTree(r.body());
        base = doc.path("servers").path(0).path("url").asText();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void documentIsOpenApi31WithVersionAndSecuritySchemes() throws Exception {
        assertThat(doc.path("openapi").asText()).startsWith("3.1.");
        assertThat(doc.path("info").path("version").asText()).isNotBlank();
        assertThat(doc.path("info").path("title").asText()).isEqualTo("Vouch API");
        assertThat(base).isEqualTo("/api/v1");
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerAuth").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("vouch_<id>_<secret>");
        assertThat(schemes.path("sessionCookie").path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path("sessionCookie").path("name").asText()).isEqualTo("VOUCH_SESSION");
        assertThat(schemes.path("csrfHeader").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("csrfHeader").path("name").asText()).isEqualTo("X-CSRF-TOKEN");
        try (InputStream in = OpenApiController.class.getResourceAsStream(OpenApiController.RESOURCE)) {
            assertThat(JSON.readTree(in)).as("served as stored").isEqualTo(doc);
        }
    }

    @Test
    void everyApiRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> app = new TreeSet<>();
        Routes.of(f).api().forEach(r -> app.add(r.method() + " " + r.path()));
        Set<String> documented = new TreeSet<>();
        operations().forEach(o -> documented.add(o.method().toUpperCase(Locale.ROOT) + " " + base + o.path()));
        assertThat(app).as("routes the server has").isNotEmpty().contains("POST /api/v1/evidence", "DELETE /api/v1/users/tokens/{id}");
        Set<String> undocumented = new TreeSet<>(app);
        undocumented.removeAll(documented);
        Set<String> phantom = new TreeSet<>(documented);
        phantom.removeAll(app);
        assertThat(undocumented).as("routes missing from vouch-api.json").isEmpty();
        assertThat(phantom).as("routes in vouch-api.json the server does not have").isEmpty();
    }

    @Test
    void parametersAndBodiesMatchTheHandlers() {
        for (Routes.Route r : Routes.of(f).api()) {
            Op op = operation(r);
            Set<String> path = new TreeSet<>();
            Set<String> query = new TreeSet<>();
            op.parameters().forEach(p -> (p.path("in").asText().equals("path") ? path : query).add(p.path("name").asText()));
            assertThat(path).as(r + ": path parameters").isEqualTo(new TreeSet<>(r.variables()));
            JsonNode multipart = resolve(op.node().path("requestBody").path("content").path("multipart/form-data").path("schema"));
            Set<String> handlerQuery = new TreeSet<>();
            boolean jsonBody = false;
            for (MethodParameter mp : r.handler().getMethodParameters()) {
                mp.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                RequestParam rp = mp.getParameterAnnotation(RequestParam.class);
                RequestPart part = mp.getParameterAnnotation(RequestPart.class);
                PathVariable pv = mp.getParameterAnnotation(PathVariable.class);
                jsonBody |= mp.hasParameterAnnotation(RequestBody.class);
                String name = rp != null ? (rp.name().isEmpty() ? mp.getParameterName() : rp.name())
                        : part != null ? part.name() : null;
                if (pv != null) {
                    assertThat(path).as(r + ": path variable").contains(pv.name().isEmpty() ? mp.getParameterName() : pv.name());
                } else if (name != null && !multipart.isMissingNode()) {
                    assertThat(names(multipart.path("properties"))).as(r + ": multipart field").contains(name);
                } else if (name != null) {
                    handlerQuery.add(name);
                }
            }
            assertThat(query).as(r + ": query parameters").isEqualTo(handlerQuery);
            assertThat(op.node().path("requestBody").path("content").has("application/json")).as(r + ": JSON request body").isEqualTo(jsonBody);
        }
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemJson() {
        Set<String> ids = new TreeSet<>();
        for (Op o : operations()) {
            String what = o.method().toUpperCase(Locale.ROOT) + " " + o.path();
            assertThat(ids.add(o.node().path("operationId").asText())).as(what + ": unique operationId").isTrue();
            JsonNode res = o.node().path("responses");
            if (o.path().equals("/openapi.json")) {
                assertThat(o.node().path("security")).as("openapi.json is public").isEmpty();
                continue;
            }
            assertThat(res.has("401")).as(what + ": 401").isTrue();
            if (Routes.WRITES.contains(o.method().toUpperCase(Locale.ROOT)) || o.path().startsWith("/users")) {
                assertThat(res.has("403")).as(what + ": 403").isTrue();
            }
            if (o.path().contains("{")) {
                assertThat(res.has("404")).as(what + ": 404").isTrue();
            }
            res.fields().forEachRemaining(e -> {
                boolean busyScan = o.path().equals("/scans") && e.getKey().equals("409"); // answers with the running job
                if (e.getKey().startsWith("4") && !busyScan) {
                    JsonNode content = resolve(e.getValue()).path("content");
                    assertThat(names(content)).as(what + " " + e.getKey()).containsExactly("application/problem+json");
                }
            });
        }
        Op upload = operations().stream().filter(o -> o.path().equals("/evidence") && o.method().equals("post")).findFirst().orElseThrow();
        assertThat(upload.node().path("responses").has("413")).isTrue();
        assertThat(names(upload.node().path("requestBody").path("content"))).containsExactly("multipart/form-data");
        assertThat(names(resolve(upload.node().path("requestBody").path("content").path("multipart/form-data").path("schema"))
                .path("properties"))).contains("file", "control", "from", "to", "note");
        Op scans = operations().stream().filter(o -> o.path().equals("/scans") && o.method().equals("post")).findFirst().orElseThrow();
        assertThat(scans.node().path("responses").has("409")).isTrue();
        assertRefsResolve(doc, "");
    }

    /** Each documented GET answers (as an admin, after a scan) with the documented shape. */
    @Test
    void realResponsesHaveTheDocumentedShapes() throws Exception {
        f.user("shape", Role.ADMIN, Optional.empty(), Optional.empty());
        String token = f.token("shape", TokenScope.READ_WRITE);
        f.scan();
        String resourceId = JSON.readTree(f.api("GET", "/api/v1/findings?size=1", token, null).body()).path("items").path(0)
                .path("resourceId").asText();
        int checked = 0;
        for (Op o : operations()) {
            if (!o.method().equals("get") || o.path().equals("/openapi.json")) {
                continue;
            }
            StringBuilder url = new StringBuilder(base + o.path());
            String sep = "?";
            for (JsonNode p : o.parameters()) {
                String name = p.path("name").asText();
                String example = name.equals("id") && o.path().equals("/resource") ? resourceId : p.path("example").asText("");
                if (p.path("in").asText().equals("path")) {
                    url.replace(url.indexOf("{" + name + "}"), url.indexOf("{" + name + "}") + name.length() + 2, example);
                } else if (p.path("required").asBoolean()) {
                    url.append(sep).append(name).append('=').append(ServerFixture.enc(example));
                    sep = "&";
                }
            }
            HttpResponse<String> r = f.api("GET", url.toString(), token, null);
            assertThat(r.statusCode()).as("GET " + url + ": " + r.body()).isEqualTo(200);
            JsonNode schema = o.node().path("responses").path("200").path("content").path("application/json").path("schema");
            List<String> problems = new ArrayList<>();
            conforms(JSON.readTree(r.body()), schema, "GET " + url, problems);
            assertThat(problems).as("GET " + url + " against its documented schema").isEmpty();
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    // ---- the document ------------------------------------------------------------------------------------------

    record Op(String method, String path, JsonNode node, List<JsonNode> parameters) {
    }

    static List<Op> operations() {
        List<Op> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (HTTP_METHODS.contains(m.getKey())) {
                List<JsonNode> params = new ArrayList<>();
                p.getValue().path("parameters").forEach(x -> params.add(resolve(x)));
                m.getValue().path("parameters").forEach(x -> params.add(resolve(x)));
                out.add(new Op(m.getKey(), p.getKey(), m.getValue(), params));
            }
        }));
        return out;
    }

    static Op operation(Routes.Route r) {
        return operations().stream().filter(o -> (base + o.path()).equals(r.path()) && o.method().equalsIgnoreCase(r.method()))
                .findFirst().orElseThrow(() -> new AssertionError(r + " is not in vouch-api.json"));
    }

    static JsonNode resolve(JsonNode n) {
        JsonNode cur = n;
        while (cur.has("$ref")) {
            String ref = cur.path("$ref").asText();
            assertThat(ref).startsWith("#/");
            cur = doc.at(ref.substring(1));
            assertThat(cur.isMissingNode()).as("$ref " + ref + " resolves").isFalse();
        }
        return cur;
    }

    static void assertRefsResolve(JsonNode n, String at) {
        if (n.has("$ref")) {
            assertThat(doc.at(n.path("$ref").asText().substring(1)).isMissingNode()).as(at + ": " + n.path("$ref").asText()).isFalse();
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            assertRefsResolve(e.getValue(), at + "/" + e.getKey());
        }
        for (int i = 0; n.isArray() && i < n.size(); i++) {
            assertRefsResolve(n.get(i), at + "/" + i);
        }
    }

    static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    // ---- a small JSON Schema subset: $ref, type, enum, required, properties, additionalProperties, items, oneOf ----

    static void conforms(JsonNode v, JsonNode schemaOrRef, String at, List<String> problems) {
        JsonNode s = resolve(schemaOrRef);
        if (s.has("oneOf")) {
            for (JsonNode alt : s.path("oneOf")) {
                List<String> p = new ArrayList<>();
                conforms(v, alt, at, p);
                if (p.isEmpty()) {
                    return;
                }
            }
            problems.add(at + ": matches none of oneOf");
            return;
        }
        if (s.has("enum")) {
            boolean any = false;
            for (JsonNode e : s.path("enum")) {
                any |= e.equals(v);
            }
            if (!any) {
                problems.add(at + ": " + v + " not in " + s.path("enum"));
            }
            return;
        }
        if (s.has("type") && !typeMatches(v, s.path("type"))) {
            problems.add(at + ": " + kind(v) + " is not " + s.path("type"));
            return;
        }
        if (v.isObject()) {
            s.path("required").forEach(r -> {
                if (!v.has(r.asText())) {
                    problems.add(at + ": missing required '" + r.asText() + "'");
                }
            });
            JsonNode props = s.path("properties");
            JsonNode extra = s.path("additionalProperties");
            v.fields().forEachRemaining(e -> {
                if (props.has(e.getKey())) {
                    conforms(e.getValue(), props.path(e.getKey()), at + "." + e.getKey(), problems);
                } else if (extra.isBoolean() && !extra.asBoolean()) {
                    problems.add(at + ": '" + e.getKey() + "' is not documented");
                } else if (extra.isObject()) {
                    conforms(e.getValue(), extra, at + "." + e.getKey(), problems);
                }
            });
        } else if (v.isArray() && s.has("items")) {
            for (int i = 0; i < Math.min(5, v.size()); i++) {
                conforms(v.get(i), s.path("items"), at + "[" + i + "]", problems);
            }
        }
    }

    static boolean typeMatches(JsonNode v, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(v, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "integer" -> v.isIntegralNumber();
            case "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }

    static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
