package dev.vouch.server;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.CategoryScore;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.Freshness;
import dev.vouch.assess.RemediationItem;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.report.assessment.EvidenceEntry;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.TrendPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the pages and the API show, built from the readiness model; one shape for both so they cannot disagree. */
public final class Views {
    private Views() {
    }

    public record Score(String id, String name, double score, String band, String status) {
    }

    public record Dashboard(String organization, long scanId, Instant scanFinishedAt, List<String> sources, int resources,
            double overall, String band, String status, List<Score> categories, List<TrendPoint> trend,
            List<RemediationItem> remediation, List<Score> notTested, List<DashboardService.Task> missingEvidence,
            List<DashboardService.Task> overdue, Map<String, Long> outcomes, Optional<Instant> windowEnd) {
    }

    public static Dashboard dashboard(ReadinessModel m, VouchUser user) {
        return forUser(dashboard(m, Optional.empty()), user);
    }

    static Dashboard dashboard(ReadinessModel m, Optional<Instant> windowEnd) {
        Assessment a = m.assessment();
        List<Score> categories = a.categories().stream().map(Views::score).toList();
        List<Score> notTested = a.notTested().stream().map(c -> new Score(c.controlId(), c.title(), c.score(), "", status(c))).toList();
        Map<String, Long> outcomes = m.findings().stream().collect(Collectors.groupingBy(f -> f.outcome().name(),
                java.util.TreeMap::new, Collectors.counting()));
        return new Dashboard(m.organization(), m.scan().id(), m.scan().finishedAt(), m.scan().sources(), m.scan().resourceCount(),
                round(a.overall()), a.band().label(), a.status().name(), categories, m.trend(),
                a.remediation().subList(0, Math.min(10, a.remediation().size())), notTested,
                DashboardService.tasks(a, Freshness.MISSING), DashboardService.tasks(a, Freshness.STALE), outcomes, windowEnd);
    }

    /** A dashboard built once for everyone, as {@code user} sees it (an auditor's names the end of their window). */
    static Dashboard forUser(Dashboard d, VouchUser user) {
        Optional<Instant> end = user.isAuditor() ? user.windowTo() : Optional.empty();
        if (end.equals(d.windowEnd())) {
            return d;
        }
        // an auditor's trend holds the scans of their window only
        List<TrendPoint> trend = d.trend().stream().filter(p -> user.sees(p.at())).toList();
        return new Dashboard(d.organization(), d.scanId(), d.scanFinishedAt(), d.sources(),
                d.resources(), d.overall(), d.band(), d.status(), d.categories(), trend, d.remediation(), d.notTested(),
                d.missingEvidence(), d.overdue(), d.outcomes(), end);
    }

    static Score score(CategoryScore c) {
        return new Score(c.category().name().toLowerCase(Locale.ROOT), c.category().name().charAt(0)
                + c.category().name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '), round(c.score()), c.band().label(),
                c.status().name());
    }

    static String status(ControlScore c) {
        return c.status().name();
    }

    public static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }

    /** A page of findings and how many matched. */
    public record FindingPage(int total, int page, int size, List<FindingRow> items) {
    }

    public record FindingRow(String checkId, String checkTitle, String severity, String outcome, String resourceType,
            String resourceId, String resourceName, String provider, String message, String source, String location,
            int line, String exceptionId, List<String> controls) {
    }

    /** Filters: any empty one matches everything. */
    public record FindingFilter(Optional<String> severity, Optional<String> outcome, Optional<String> source,
            Optional<String> control, Optional<String> check, Optional<String> resource, Optional<String> text) {
        public static FindingFilter byCheck(String checkId) {
            return new FindingFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(checkId),
                    Optional.empty(), Optional.empty());
        }

        public static FindingFilter byResource(String resourceId) {
            return new FindingFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(resourceId), Optional.empty());
        }
    }

    /** A page of findings (sorted here: for tests and one-off use; requests use the prepared form), locations inside {@code base} relative to it. */
    public static FindingPage findings(ReadinessModel m, FindingFilter f, int page, int size, java.nio.file.Path base) {
        return findings(m, sorted(m.findings()), controlsByCheck(m.assessment()), f, page, size, base);
    }

    /** The same, from what the dashboard service prepared once per model (no sorting per request). */
    static FindingPage findings(DashboardService.Prepared p, FindingFilter f, int page, int size, java.nio.file.Path base) {
        return findings(p.model(), p.sortedFindings(), p.controlsByCheck(), f, page, size, base);
    }

    /** Findings in the order pages list them: failing first, then by severity, check and resource. */
    static List<Finding> sorted(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings);
        out.sort(Comparator.comparing((Finding x) -> rank(x.outcome())).thenComparing(x -> x.severity().ordinal())
                .thenComparing(Finding::checkId).thenComparing(Finding::resourceId));
        return List.copyOf(out);
    }

    private static FindingPage findings(ReadinessModel m, List<Finding> sorted, Map<String, List<String>> controlsOf,
            FindingFilter f, int page, int size, java.nio.file.Path base) {
        Set<String> ofControl = f.control().filter(s -> !s.isBlank()).map(c -> m.assessment().control(c.toUpperCase(Locale.ROOT))
                .map(cs -> cs.checks().stream().map(x -> x.checkId()).collect(Collectors.toSet())).orElse(Set.of())).orElse(null);
        boolean all = ofControl == null && Stream.of(f.severity(), f.outcome(), f.source(), f.check(), f.resource(), f.text())
                .allMatch(o -> o.filter(s -> !s.isBlank()).isEmpty());
        List<Finding> matched = all ? sorted : new ArrayList<>();
        if (!all) {
            for (Finding x : sorted) {
                if (eq(f.severity(), x.severity().name()) && eq(f.outcome(), x.outcome().name()) && eq(f.source(), x.origin().source())
                        && eq(f.check(), x.checkId()) && (ofControl == null || ofControl.contains(x.checkId()))
                        && f.resource().filter(s -> !s.isBlank()).map(r -> x.resourceId().equals(r)).orElse(true)
                        && f.text().filter(s -> !s.isBlank()).map(t -> contains(x, t)).orElse(true)) {
                    matched.add(x);
                }
            }
        }
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(500, size));
        int from = (int) Math.min(matched.size(), (long) p * s);
        List<FindingRow> rows = matched.subList(from, Math.min(matched.size(), from + s)).stream()
                .map(x -> row(m, x, controlsOf, base)).toList();
        return new FindingPage(matched.size(), p, s, rows);
    }

    static FindingRow row(ReadinessModel m, Finding x, Map<String, List<String>> controlsOf, java.nio.file.Path base) {
        return new FindingRow(x.checkId(), m.checkTitle(x.checkId()), x.severity().name(), x.outcome().name(), x.resourceType(),
                x.resourceId(), x.resourceName(), x.provider(), x.message(), x.origin().source(), relative(x.origin().location(), base),
                x.origin().line(), x.exceptionId(), controlsOf.getOrDefault(x.checkId(), List.of()));
    }

    /** A file location inside the workspace, relative to it ({@code infra/terraform/compute.tf}); others as they are. */
    static String relative(String location, java.nio.file.Path base) {
        if (base == null || location.isEmpty()) {
            return location;
        }
        String b = base.toAbsolutePath().normalize().toString();
        return location.startsWith(b + "/") ? location.substring(b.length() + 1) : location;
    }

    public static Map<String, List<String>> controlsByCheck(Assessment a) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        for (ControlScore c : a.controls()) {
            c.checks().forEach(k -> out.computeIfAbsent(k.checkId(), x -> new ArrayList<>()).add(c.controlId()));
        }
        return out;
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case FAIL -> 0;
            case ERROR -> 1;
            case UNKNOWN -> 2;
            default -> 3 + o.ordinal();
        };
    }

    private static boolean eq(Optional<String> want, String value) {
        return want.filter(s -> !s.isBlank()).map(s -> s.equalsIgnoreCase(value)).orElse(true);
    }

    private static boolean contains(Finding x, String t) {
        String q = t.toLowerCase(Locale.ROOT);
        return x.resourceId().toLowerCase(Locale.ROOT).contains(q) || x.resourceName().toLowerCase(Locale.ROOT).contains(q)
                || x.message().toLowerCase(Locale.ROOT).contains(q) || x.checkId().toLowerCase(Locale.ROOT).contains(q);
    }

    /** The evidence a user may see: an auditor only what was recorded by the end of their window and covers it. */
    public static List<EvidenceEntry> evidence(List<EvidenceEntry> all, VouchUser user) {
        if (!user.isAuditor()) {
            return all;
        }
        Instant end = user.windowTo().orElse(Instant.MAX);
        Instant start = user.windowFrom().orElse(Instant.MIN);
        return all.stream().filter(e -> !e.recordedAt().isAfter(end) && !e.coversTo().isBefore(start)).toList();
    }
}
