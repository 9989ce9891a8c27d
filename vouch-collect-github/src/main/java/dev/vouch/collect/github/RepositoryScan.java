package dev.vouch.collect.github;

import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One repository: its REST fields, default-branch protection and rulesets, alerts, merged pull requests. */
final class RepositoryScan {
    static final String ADMIN_READ = "the token needs repository permission \"Administration: read\" (fine-grained token or "
            + "GitHub App) or, with a classic token, the repo scope and admin rights on the repository";

    private final GitHubSource source;
    private final Instant start;
    private final Instant end;
    private final List<CollectionError> errors = new ArrayList<>();

    RepositoryScan(GitHubSource source, Instant start, Instant end) {
        this.source = source;
        this.start = start;
        this.end = end;
    }

    Collection scan(String owner, String name) {
        Fetched repo = source.repository(owner, name);
        String fullName = owner + "/" + name;
        Resource.Builder b = Resource.builder("github.repository", "github:" + fullName).name(fullName)
                .provider("github").scope("github:" + owner).origin(new Origin(source.source(), repo.location(), 0))
                .collectedAt(end);
        if (!(repo instanceof Fetched.Ok ok) || !(ok.body() instanceof Map<?, ?>)) {
            String msg = "cannot read repository " + fullName + " (" + (repo instanceof Fetched.Ok ? "expected a JSON object" : repo.describe()) + ")"
                    + (repo instanceof Fetched.Denied ? ": the token needs repository permission \"Metadata: read\" (classic: repo)" : "");
            errors.add(error(repo, msg));
            return new Collection(List.of(b.name(fullName + " (not readable)").error(msg).build()), errors);
        }
        Map<String, Object> props = new LinkedHashMap<>(Json.map(Json.withoutUrls(ok.body())));
        fullName = props.get("full_name") instanceof String s && !s.isEmpty() ? s : fullName;
        b = Resource.builder("github.repository", "github:" + fullName).name(fullName).provider("github")
                .scope("github:" + owner).origin(new Origin(source.source(), repo.location(), 0)).collectedAt(end)
                .properties(props);
        String branch = Json.string(props, "default_branch");
        if (!props.containsKey("security_and_analysis")) {
            b.unknown("properties.security_and_analysis");
        }
        protection(b, props, owner, name, fullName, branch);
        alerts(b, props, owner, name, fullName);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("start", start.toString());
        window.put("end", end.toString());
        props.put("changeWindow", window);
        PullRequests prs = new PullRequests(source, owner, name, fullName, end);
        pulls(b, props, prs, owner, name, branch);
        List<Resource> out = new ArrayList<>();
        out.add(b.build());
        out.addAll(prs.resources());
        errors.addAll(prs.errors());
        return new Collection(out, errors);
    }

    private void protection(Resource.Builder b, Map<String, Object> props, String owner, String name, String fullName, String branch) {
        Fetched classic = branch.isEmpty() ? new Fetched.Missing("Branch not protected", "") : source.protection(owner, name, branch);
        Fetched rules = branch.isEmpty() ? new Fetched.Ok(List.of(), "") : source.branchRules(owner, name, branch);
        String what = fullName + " branch '" + branch + "'";
        Map<String, Object> classicBody = Map.of();
        boolean classicKnown = true;
        if (classic instanceof Fetched.Ok ok) {
            classicBody = Json.map(Json.withoutUrls(ok.body()));
            props.put("defaultBranchProtection", classicBody);
        } else if (classic instanceof Fetched.Missing m && m.message().toLowerCase(Locale.ROOT).contains("not protected")) {
            props.put("defaultBranchProtection", null);
        } else if (classic instanceof Fetched.Absent) {
            props.put("defaultBranchProtection", null);
            b.unknown("properties.defaultBranchProtection");
            classicKnown = false;
        } else if (classic instanceof Fetched.Failed f) {
            fail(b, classic, "cannot read the branch protection of " + what + ": " + f.message());
        } else {
            fail(b, classic, "cannot read the branch protection of " + what + " (" + classic.describe() + "): " + ADMIN_READ);
        }
        List<Object> ruleList = List.of();
        if (rules instanceof Fetched.Ok ok && ok.body() instanceof List<?> l) {
            ruleList = Json.list(Json.withoutUrls(l));
        } else {
            fail(b, rules, "cannot read the rulesets that apply to " + what + " (" + rules.describe()
                    + "): the token needs repository permission \"Metadata: read\"");
        }
        props.put("defaultBranchRules", ruleList);
        Protection p = classicKnown ? Protection.of(classicBody, ruleList) : Protection.unknown();
        props.put("effectiveProtection", p.properties());
        b.unknowns(p.unknowns());
    }

    private void alerts(Resource.Builder b, Map<String, Object> props, String owner, String name, String fullName) {
        Fetched f = source.vulnerabilityAlerts(owner, name);
        if (f instanceof Fetched.Ok) {
            props.put("vulnerabilityAlertsEnabled", true);
        } else if (f instanceof Fetched.Missing) {
            props.put("vulnerabilityAlertsEnabled", false);
        } else {
            props.put("vulnerabilityAlertsEnabled", null);
            b.unknown("properties.vulnerabilityAlertsEnabled");
            if (!(f instanceof Fetched.Absent)) {
                errors.add(error(f, "cannot tell whether Dependabot alerts are enabled on " + fullName + " (" + f.describe()
                        + "): " + ADMIN_READ));
            }
        }
    }

    private void pulls(Resource.Builder b, Map<String, Object> props, PullRequests prs, String owner, String name, String branch) {
        Fetched f = branch.isEmpty() ? new Fetched.Ok(List.of(), "") : source.closedPulls(owner, name, branch, start);
        if (f instanceof Fetched.Ok ok && ok.body() instanceof List<?> list) {
            List<Map<String, Object>> merged = prs.mergedInWindow(Json.list(list), branch, start, end);
            merged.forEach(pr -> prs.add(pr, f.location()));
            props.put("mergedPullRequests", (long) merged.size());
            return;
        }
        props.put("mergedPullRequests", null);
        b.unknown("properties.mergedPullRequests");
        if (!(f instanceof Fetched.Absent)) {
            errors.add(error(f, "cannot list the pull requests of " + props.get("full_name") + " (" + f.describe()
                    + "): the token needs repository permission \"Pull requests: read\" (classic: repo)"));
        }
    }

    private void fail(Resource.Builder b, Fetched f, String msg) {
        b.error(msg);
        errors.add(error(f, msg));
    }

    private CollectionError error(Fetched f, String msg) {
        return new CollectionError(new Origin(source.source(), f.location().isEmpty() ? "github" : f.location(), 0), msg);
    }
}
