package dev.vouch.collect.git;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Whether a commit author can be traced to a person or a known service identity. */
final class Authors {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Set<String> MACHINE_USERS = Set.of("root", "admin", "administrator", "user", "ubuntu",
            "ec2-user", "vagrant", "git", "nobody");
    private static final Set<String> PLACEHOLDER_DOMAINS = Set.of("localhost", "localhost.localdomain",
            "localdomain", "example.com", "example.org", "example.net", "(none)");

    private Authors() {
    }

    /**
     * False for an empty or malformed email, git's fallback {@code user@host.(none)}, a local host
     * ({@code root@localhost}, {@code *.local}, {@code *.localdomain}), a placeholder domain, a
     * machine account ({@code root@…}, {@code ubuntu@…}), or an empty name.
     */
    static boolean identified(String name, String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        if (name.isBlank() || !EMAIL.matcher(e).matches()) {
            return false;
        }
        String user = e.substring(0, e.indexOf('@'));
        String domain = e.substring(e.indexOf('@') + 1);
        return !MACHINE_USERS.contains(user)
                && !PLACEHOLDER_DOMAINS.contains(domain)
                && !domain.endsWith(".(none)")
                && !domain.endsWith(".local")
                && !domain.endsWith(".localdomain")
                && !domain.endsWith(".internal");
    }
}
