package dev.vouch.collect.github;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The change population of one repository: pull requests merged into the default branch within the
 * window, each with its reviews summarized and the CI conclusion of its head commit.
 */
final class PullRequests {
    private static final Set<String> FAILING = Set.of("failure", "cancelled", "timed_out", "action_required",
            "startup_failure", "stale");

    private final GitHubSource source;
    private final String owner;
    private final String repo;
    private final String fullName;
    private final Instant collectedAt;
    private final List<Resource> resources = new ArrayList<>();
    private final List<CollectionError> errors = new ArrayList<>();

    PullRequests(GitHubSource source, String owner, String repo, String fullName, Instant collectedAt) {
        this.source = source;
        this.owner = owner;
        this.repo = repo;
        this.fullName = fullName;
        this.collectedAt = collectedAt;
    }

    List<Resource> resources() { return resources; }
    List<CollectionError> errors() { return errors; }

    /** Merged pull requests from {@code pulls} into {@code base} whose merged_at is within [start, end]. */
    List<Map<String, Object>> mergedInWindow(List<Object> pulls, String base, Instant start, Instant end) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : pulls) {
            Map<String, Object> pr = Json.map(o);
            String merged = Json.string(pr, "merged_at");
            if (merged.isEmpty() || !Json.string(Json.map(pr.get("base")), "ref").equals(base)) {
                continue;
            }
            try {
                Instant at = Instant.parse(merged);
                if (!at.isBefore(start) && !at.isAfter(end)) {
                    out.add(pr);
                }
            } catch (DateTimeParseException e) {
                errors.add(new CollectionError(Origin.of(source.source(), fullName), "pull request #"
                        + pr.get("number") + ": merged_at '" + merged + "' is not an ISO-8601 instant"));
            }
        }
        out.sort((a, b) -> Long.compare(number(a), number(b)));
        return out;
    }

    void add(Map<String, Object> pr, String pullsLocation) {
        long number = number(pr);
        String author = Json.string(Json.map(pr.get("user")), "login");
        Resource.Builder b = Resource.builder("github.pull_request", "github:" + fullName + "#" + number)
                .name(fullName + "#" + number).provider("github").scope("github:" + owner)
                .origin(new Origin(source.source(), pullsLocation, 0)).collectedAt(collectedAt);
        b.property("repository", fullName).property("number", number).property("title", Json.string(pr, "title"))
                .property("html_url", Json.string(pr, "html_url")).property("author", author)
                .property("authorType", Json.string(Json.map(pr.get("user")), "type"))
                .property("base", Json.string(Json.map(pr.get("base")), "ref"))
                .property("headSha", Json.string(Json.map(pr.get("head")), "sha"))
                .property("created_at", pr.get("created_at")).property("merged_at", pr.get("merged_at"));
        if (pr.containsKey("merged_by")) {
            String mergedBy = Json.string(Json.map(pr.get("merged_by")), "login");
            b.property("merged_by", mergedBy.isEmpty() ? null : mergedBy).property("mergedByAuthor", mergedBy.equals(author));
        } else {
            b.property("merged_by", null).unknown("properties.merged_by").property("mergedByAuthor", null)
                    .unknown("properties.mergedByAuthor");
        }
        reviews(b, number, author);
        ci(b, number, Json.string(Json.map(pr.get("head")), "sha"));
        resources.add(b.build());
    }

    private void reviews(Resource.Builder b, long number, String author) {
        Fetched f = source.reviews(owner, repo, number);
        if (!(f instanceof Fetched.Ok ok) || !(ok.body() instanceof List<?> list)) {
            String why = f instanceof Fetched.Ok ? "expected a JSON array" : f.describe();
            String msg = "cannot read the reviews of " + fullName + "#" + number + " (" + why + ")"
                    + (f instanceof Fetched.Denied || f instanceof Fetched.Missing
                    ? ": the token needs repository permission \"Pull requests: read\" (classic: repo)" : "");
            b.error(msg);
            errors.add(new CollectionError(new Origin(source.source(), f.location(), 0), msg));
            return;
        }
        Map<String, String> latest = new LinkedHashMap<>();
        int approved = 0;
        int changes = 0;
        int commented = 0;
        for (Object o : list) {
            Map<String, Object> review = Json.map(o);
            String login = Json.string(Json.map(review.get("user")), "login");
            String state = Json.string(review, "state");
            switch (state) {
                case "APPROVED" -> { approved++; latest.put(login, state); }
                case "CHANGES_REQUESTED" -> { changes++; latest.put(login, state); }
                case "DISMISSED" -> latest.put(login, state);
                case "COMMENTED" -> commented++;
                default -> { }
            }
        }
        TreeSet<String> approvers = new TreeSet<>();
        latest.forEach((login, state) -> {
            if (state.equals("APPROVED") && !login.equals(author) && !login.isEmpty()) {
                approvers.add(login);
            }
        });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", (long) list.size());
        summary.put("approved", (long) approved);
        summary.put("changesRequested", (long) changes);
        summary.put("commented", (long) commented);
        b.property("reviews", summary).property("approvedBy", new ArrayList<>(approvers))
                .property("selfApproved", "APPROVED".equals(latest.get(author)));
    }

    private void ci(Resource.Builder b, long number, String sha) {
        Fetched f = sha.isEmpty() ? new Fetched.Absent("") : source.checkRuns(owner, repo, number, sha);
        Map<String, Object> ci = new LinkedHashMap<>();
        if (f instanceof Fetched.Ok ok) {
            List<Object> runs = Json.list(Json.map(ok.body()).get("check_runs"));
            List<String> failing = new ArrayList<>();
            boolean pending = false;
            for (Object o : runs) {
                Map<String, Object> run = Json.map(o);
                pending |= !Json.string(run, "status").equals("completed");
                if (FAILING.contains(Json.string(run, "conclusion"))) {
                    failing.add(Json.string(run, "name"));
                }
            }
            ci.put("checkRuns", (long) runs.size());
            ci.put("conclusion", runs.isEmpty() ? "none" : !failing.isEmpty() ? "failure" : pending ? "pending" : "success");
            ci.put("failing", failing);
        } else {
            ci.put("checkRuns", null);
            ci.put("conclusion", null);
            ci.put("failing", List.of());
            b.unknown("properties.ci.conclusion").unknown("properties.ci.checkRuns");
            if (f instanceof Fetched.Denied || f instanceof Fetched.Failed) {
                errors.add(new CollectionError(new Origin(source.source(), f.location(), 0), "cannot read the check runs of "
                        + fullName + "#" + number + " (" + f.describe() + "): the token needs \"Checks: read\""));
            }
        }
        b.property("ci", ci);
    }

    static long number(Map<String, Object> pr) {
        return pr.get("number") instanceof Number n ? n.longValue() : 0L;
    }
}
