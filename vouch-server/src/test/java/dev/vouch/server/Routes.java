package dev.vouch.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every (method, path) the running server maps, read from its real handler mapping, so new routes are covered by themselves. */
record Routes(List<Route> all) {
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** One route: an HTTP method and a path pattern ({@code /api/v1/users/{id}/disable}). */
    record Route(String method, String path, HandlerMethod handler) {
        boolean isWrite() {
            return WRITES.contains(method);
        }

        boolean isApi() {
            return path.startsWith("/api/");
        }

        /** The path with each {@code {variable}} replaced by what {@code values} gives for it. */
        String fill(Function<String, String> values) {
            Matcher m = VARIABLE.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(values.apply(m.group(1))));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        List<String> variables() {
            List<String> out = new ArrayList<>();
            Matcher m = VARIABLE.matcher(path);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Routes of(ServerFixture f) {
        RequestMappingHandlerMapping mapping = f.server.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    out.add(new Route("*", path, e.getValue()));
                }
                methods.forEach(m -> out.add(new Route(m.name(), path, e.getValue())));
            }
        }
        out.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
        return new Routes(List.copyOf(out));
    }

    List<Route> api() {
        return all.stream().filter(Route::isApi).toList();
    }

    /** The routes of the web pages and sign-in (not the API, not Spring's /error). */
    List<Route> pages() {
        return all.stream().filter(r -> !r.isApi() && !r.path().equals("/error")).toList();
    }
}
