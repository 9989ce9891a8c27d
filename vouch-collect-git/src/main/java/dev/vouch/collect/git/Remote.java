package dev.vouch.collect.git;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Config;

/**
 * The repository's remote: {@code origin} when configured, else the first remote with a url.
 *
 * @param name remote name, e.g. {@code origin}
 * @param url the fetch url with any user info (tokens, passwords) removed
 */
record Remote(String name, String url) {

    static Optional<Remote> of(Config config) {
        Set<String> names = config.getSubsections("remote");
        String origin = config.getString("remote", "origin", "url");
        if (origin != null && !origin.isBlank()) {
            return Optional.of(new Remote("origin", sanitize(origin.trim())));
        }
        return names.stream().sorted()
                .filter(n -> config.getString("remote", n, "url") != null)
                .findFirst()
                .map(n -> new Remote(n, sanitize(config.getString("remote", n, "url").trim())));
    }

    /** Drops user info from scheme urls ({@code https://user:token@host/x} becomes {@code https://host/x}). */
    static String sanitize(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            int at = url.indexOf('@', scheme);
            int slash = url.indexOf('/', scheme + 3);
            return at > 0 && (slash < 0 || at < slash) ? url.substring(0, scheme + 3) + url.substring(at + 1) : url;
        }
    }

    /** The repository name a url names: {@code https://github.com/acme/payments-api.git} gives {@code payments-api}. */
    String repositoryName() {
        String u = url.replaceAll("[/\\\\]+$", "");
        int cut = Math.max(Math.max(u.lastIndexOf('/'), u.lastIndexOf(':')), u.lastIndexOf('\\'));
        String last = u.substring(cut + 1);
        return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
    }
}
