package dev.vouch.cli;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Control;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.vault.Evidence;
import dev.vouch.vault.Vault;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Records a document as manual evidence in the workspace vault: {@code vouch evidence add} and the server's upload. */
public final class ManualEvidence {
    /** The largest document kept in the vault; larger ones belong elsewhere with a pointer document. */
    public static final long MAX_BYTES = 1L << 30;

    private ManualEvidence() {
    }

    /**
     * Appends {@code content} as evidence for {@code controls} covering {@code period}.
     *
     * @param controlField how the caller names the controls field in messages ({@code --control}, {@code control})
     * @throws ConfigException naming the control that is not in the catalog, or when no control is given
     */
    public static Vault.Appended record(Workspace w, String name, byte[] content, List<String> controls, Period period,
            String note, String actor, Clock clock, PrintWriter err, String controlField) {
        List<String> ids = controls(controls, controlField);
        Catalog catalog = Catalog.loadDefault();
        List<String> criteria = new ArrayList<>();
        for (String c : ids) {
            Control ctl = catalog.control(c).orElseThrow(() ->
                    new ConfigException(controlField + ": no control '" + c + "' (see vouch controls list)"));
            ctl.criteria().stream().filter(x -> !criteria.contains(x)).forEach(criteria::add);
        }
        String safe = sanitize(name);
        Evidence e = new Evidence("evidence.manual", content, mediaType(safe), safe, ids, criteria, List.of("manual"),
                actor, period.from(), period.to(), note == null ? "" : note);
        return new WorkspaceVault(w).open(clock, err).append(List.of(e));
    }

    private static List<String> controls(List<String> controls, String field) {
        List<String> ids = controls.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).filter(c -> !c.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            throw new ConfigException(field + ": name at least one control the evidence supports");
        }
        return ids;
    }

    /** The file name only, without path parts or control characters. */
    public static String sanitize(String name) {
        String base = (name == null ? "" : name).replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        return base.isEmpty() || base.equals(".") || base.equals("..") ? "evidence" : base;
    }

    public static String mediaType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        } else if (n.endsWith(".json")) {
            return "application/json";
        } else if (n.endsWith(".png")) {
            return "image/png";
        } else if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        } else if (n.endsWith(".csv")) {
            return "text/csv";
        } else if (n.endsWith(".txt") || n.endsWith(".md")) {
            return "text/plain";
        } else if (n.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        return "application/octet-stream";
    }
}
