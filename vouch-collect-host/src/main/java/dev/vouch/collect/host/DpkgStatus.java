package dev.vouch.collect.host;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Installed package names from {@code /var/lib/dpkg/status} stanzas ({@code Status: install ok installed}). */
final class DpkgStatus {
    private DpkgStatus() {
    }

    static Set<String> installed(List<String> lines) {
        Set<String> out = new HashSet<>();
        String pkg = null;
        boolean installed = false;
        for (String line : lines) {
            if (line.isBlank()) {
                add(out, pkg, installed);
                pkg = null;
                installed = false;
            } else if (line.startsWith("Package:")) {
                pkg = line.substring(8).trim();
            } else if (line.startsWith("Status:")) {
                installed = line.substring(7).trim().endsWith(" installed");
            }
        }
        add(out, pkg, installed);
        return out;
    }

    private static void add(Set<String> out, String pkg, boolean installed) {
        if (pkg != null && installed) {
            out.add(pkg);
        }
    }
}
