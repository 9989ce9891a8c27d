package dev.vouch.assess.sample;

import dev.vouch.model.Resource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The change population (CC8.1) from normalized resources: every {@code github.pull_request} merged
 * into a default branch inside the period, one item per pull request.
 *
 * <p>{@code git.repository} resources hold only aggregates (counts and at most 10 examples), not one
 * record per change, so they cannot form a population; they are not used. A {@code github.repository}
 * whose {@code changeWindow} does not cover the whole period is reported as a problem: pull requests
 * merged outside the collected window are missing, so the population would be incomplete.
 */
public final class ChangePopulation {

    public static final String NAME = "changes";
    static final String PR_TYPE = "github.pull_request";
    static final String REPO_TYPE = "github.repository";
    static final String GIT_TYPE = "git.repository";

    private ChangePopulation() {
    }

    public static Population from(List<Resource> resources, Period period) {
        List<PopulationItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Resource r : resources) {
            if (r.type().equals(PR_TYPE)) {
                addPullRequest(r, period, items, problems);
            } else if (r.type().equals(REPO_TYPE)) {
                checkWindow(r, period, problems);
            } else if (r.type().equals(GIT_TYPE)) {
                addCommits(r, period, items, problems);
            }
        }
        return new Population(NAME, items, PR_TYPE + " merged and " + GIT_TYPE + " changes in " + period, problems);
    }

    /** A local repository's changes to its default branch (its {@code changeList}: one item per first-parent commit). */
    private static void addCommits(Resource r, Period period, List<PopulationItem> items, List<String> problems) {
        if (!(r.properties().get("changeList") instanceof List<?> list)) {
            problems.add(r.id() + " (" + r.origin().display() + "): no 'changeList' (recorded by an older Vouch?); its changes "
                    + "are not in the population; scan again to include them");
            return;
        }
        if (r.properties().get("periodStart") != null && r.properties().get("periodEnd") != null) {
            try {
                Instant start = Instant.parse(String.valueOf(r.properties().get("periodStart")));
                Instant end = Instant.parse(String.valueOf(r.properties().get("periodEnd")));
                if (start.isAfter(period.from()) || end.isBefore(period.to())) {
                    problems.add(r.id() + ": its history was read for " + start + ".." + end + ", which does not cover the period "
                            + period + "; the change population may be incomplete (sources.gitSince / gitLookbackDays)");
                }
            } catch (DateTimeParseException e) {
                problems.add(r.id() + ": fields 'periodStart'/'periodEnd' are not ISO-8601 instants");
            }
        }
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> c)) {
                continue;
            }
            Instant at;
            try {
                at = Instant.parse(String.valueOf(c.get("at")));
            } catch (DateTimeParseException e) {
                problems.add(r.id() + ": change " + c.get("sha") + " has no ISO-8601 'at', was '" + c.get("at") + "'; left out");
                continue;
            }
            if (!period.contains(at)) {
                continue;
            }
            if (c.get("sha") == null || String.valueOf(c.get("sha")).isBlank()) {
                problems.add(r.id() + ": a change at " + at + " has no 'sha'; left out");
                continue;
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            attrs.put("repository", r.name());
            for (String key : List.of("sha", "author", "reviewPath", "reviewed", "signed")) {
                put(attrs, key, c.get(key));
            }
            String sha = String.valueOf(c.get("sha"));
            items.add(new PopulationItem(r.id() + "@" + sha, "change", at,
                    r.name() + " " + sha.substring(0, Math.min(12, sha.length())) + " " + c.get("subject"), attrs));
        }
    }

    private static void addPullRequest(Resource r, Period period, List<PopulationItem> items, List<String> problems) {
        Object merged = r.properties().get("merged_at");
        Instant at;
        try {
            at = Instant.parse(String.valueOf(merged));
        } catch (DateTimeParseException e) {
            problems.add(r.id() + " (" + r.origin().display() + "): field 'merged_at' is not an ISO-8601 instant, was '"
                    + merged + "'; left out of the population");
            return;
        }
        if (!period.contains(at)) {
            return;
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (String key : List.of("repository", "number", "author", "merged_by", "html_url", "base")) {
            put(attrs, key, r.properties().get(key));
        }
        put(attrs, "approvedBy", r.properties().get("approvedBy"));
        if (r.properties().get("ci") instanceof Map<?, ?> ci) {
            put(attrs, "ci", ci.get("conclusion"));
        }
        if (r.hasErrors()) {
            attrs.put("errors", String.join("; ", r.errors()));
        }
        Object title = r.properties().get("title");
        items.add(new PopulationItem(r.id(), "change", at, r.name() + (title == null ? "" : " " + title), attrs));
    }

    private static void put(Map<String, String> attrs, String key, Object value) {
        if (value instanceof List<?> list) {
            attrs.put(key, list.stream().map(String::valueOf).collect(Collectors.joining(",")));
        } else if (value != null) {
            attrs.put(key, String.valueOf(value));
        }
    }

    private static void checkWindow(Resource repo, Period period, List<String> problems) {
        if (!(repo.properties().get("changeWindow") instanceof Map<?, ?> window)) {
            return;
        }
        try {
            Instant start = Instant.parse(String.valueOf(window.get("start")));
            Instant end = Instant.parse(String.valueOf(window.get("end")));
            if (start.isAfter(period.from()) || end.isBefore(period.to())) {
                problems.add(repo.id() + ": pull requests were collected for " + start + ".." + end
                        + ", which does not cover the period " + period + "; the change population may be incomplete");
            }
        } catch (DateTimeParseException e) {
            problems.add(repo.id() + ": field 'changeWindow' is not a pair of ISO-8601 instants, was " + window);
        }
    }
}
