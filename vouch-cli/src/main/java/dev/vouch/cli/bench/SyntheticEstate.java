package dev.vouch.cli.bench;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A seeded estate whose resources carry catalog checks with PASS/FAIL outcomes, changed a little each
 * day: resources removed and added, and single checks remediated (FAIL to PASS) or drifting (PASS to FAIL).
 * Each day's changed resources are distinct, so a day with {@code k} changes touches exactly {@code k}
 * resources (unless the estate has none left to pick, which the seeded sizes used here never reach).
 */
final class SyntheticEstate {
    /** Types that exist once per account, tenant, subscription or host: 1 % of the estate, not a third of it. */
    static final Set<String> ACCOUNT_LEVEL = Set.of("azure.resources.subscription", "azure.security.pricing",
            "azure.security.contact", "entra.tenant", "aws.account", "aws.iam.root", "aws.iam.password_policy",
            "github.organization", "linux.sshd", "linux.auditd", "linux.accounts", "linux.sudoers", "linux.updates",
            "linux.time_sync", "linux.firewall", "linux.files");
    static final double INITIAL_FAIL_RATE = 0.15;
    private static final int PICK_TRIES = 64;
    private static final Map<String, String> SOURCES = Map.of("azure", "azure-export", "aws", "aws-export",
            "entra", "graph-export", "github", "github-export", "linux", "host", "git", "git");

    private final SplittableRandom random;
    private final Map<String, List<CheckInfo>> checksByType = new TreeMap<>();
    /** Resource types to draw from, each listed once per check it has. */
    private final List<String> bulkTypes = new ArrayList<>();
    private final List<String> accountTypes = new ArrayList<>();
    private final int checksPerResource;
    private final List<SimResource> resources = new ArrayList<>();
    private int serial;

    SyntheticEstate(List<CheckInfo> checks, int checksPerResource, long seed) {
        checks.stream().sorted(Comparator.comparing(CheckInfo::id))
                .forEach(c -> checksByType.computeIfAbsent(c.resourceType(), t -> new ArrayList<>()).add(c));
        if (checksByType.isEmpty()) {
            throw new IllegalArgumentException("no catalog checks to give the synthetic estate");
        }
        // a type is drawn in proportion to its checks: the catalog covers most what estates hold most
        checksByType.forEach((t, cs) -> cs.forEach(c -> (ACCOUNT_LEVEL.contains(t) ? accountTypes : bulkTypes).add(t)));
        if (bulkTypes.isEmpty()) {
            bulkTypes.addAll(accountTypes);
        }
        this.checksPerResource = checksPerResource;
        this.random = new SplittableRandom(seed);
    }

    /** What one day changed. */
    record DayChange(int removed, int added, int remediated, int drifted) {
        int total() {
            return removed + added + remediated + drifted;
        }
    }

    void populate(int count) {
        for (int i = 0; i < count; i++) {
            resources.add(newResource());
        }
    }

    int size() {
        return resources.size();
    }

    /** Changes {@code changes} distinct resources: a quarter removed, as many added, the rest flip one check. */
    DayChange churn(int changes) {
        int removals = changes / 4;
        int flips = changes - 2 * removals;
        Set<Integer> touched = new HashSet<>();
        int remediated = 0;
        int drifted = 0;
        for (int i = 0; i < flips; i++) {
            boolean remediate = random.nextBoolean();
            int idx = pick(touched, remediate ? SimResource::anyFailing : SimResource::anyPassing);
            if (idx < 0) {
                remediate = !remediate;
                idx = pick(touched, remediate ? SimResource::anyFailing : SimResource::anyPassing);
            }
            if (idx >= 0) {
                resources.get(idx).flip(remediate, random);
                remediated += remediate ? 1 : 0;
                drifted += remediate ? 0 : 1;
            }
        }
        List<Integer> gone = new ArrayList<>();
        for (int i = 0; i < removals; i++) {
            int idx = pick(touched, r -> true);
            if (idx >= 0) {
                gone.add(idx);
            }
        }
        gone.sort(Comparator.reverseOrder());
        gone.forEach(this::swapRemove);
        for (int i = 0; i < gone.size(); i++) {
            resources.add(newResource());
        }
        return new DayChange(gone.size(), gone.size(), remediated, drifted);
    }

    /** One finding per (resource, assigned check), in estate order. */
    List<Finding> findings() {
        List<Finding> out = new ArrayList<>(resources.size() * checksPerResource);
        resources.forEach(r -> r.findings(out));
        return out;
    }

    /** The distinct checks the estate's resources carry, by id. */
    List<CheckInfo> checksInUse() {
        Map<String, CheckInfo> byId = new TreeMap<>();
        resources.forEach(r -> r.checks.forEach(c -> byId.put(c.id(), c)));
        return List.copyOf(byId.values());
    }

    /** The sources findings come from, as a scan names them. */
    List<String> sources() {
        return resources.stream().map(r -> r.origin.source() + ":exports/" + r.provider).distinct().sorted().toList();
    }

    private int pick(Set<Integer> touched, Predicate<SimResource> fits) {
        for (int t = 0; t < PICK_TRIES && !resources.isEmpty(); t++) {
            int idx = random.nextInt(resources.size());
            if (!touched.contains(idx) && fits.test(resources.get(idx))) {
                touched.add(idx);
                return idx;
            }
        }
        return -1;
    }

    private void swapRemove(int idx) {
        int last = resources.size() - 1;
        resources.set(idx, resources.get(last));
        resources.remove(last);
    }

    private SimResource newResource() {
        int n = serial++;
        boolean accountLevel = !accountTypes.isEmpty() && random.nextInt(100) == 0;
        List<String> types = accountLevel ? accountTypes : bulkTypes;
        String type = types.get(random.nextInt(types.size()));
        List<CheckInfo> candidates = new ArrayList<>(checksByType.get(type));
        List<CheckInfo> chosen = new ArrayList<>();
        while (chosen.size() < checksPerResource && !candidates.isEmpty()) {
            chosen.add(candidates.remove(random.nextInt(candidates.size())));
        }
        boolean[] failing = new boolean[chosen.size()];
        for (int i = 0; i < failing.length; i++) {
            failing[i] = random.nextDouble() < INITIAL_FAIL_RATE;
        }
        String provider = type.substring(0, type.indexOf('.') < 0 ? type.length() : type.indexOf('.'));
        String kind = type.substring(type.lastIndexOf('.') + 1);
        String name = String.format(Locale.ROOT, "%s-%07d", kind.replace('_', '-'), n);
        String id = provider.equals("azure")
                ? String.format(Locale.ROOT, "/subscriptions/00000000-0000-0000-0000-%012d/resourceGroups/rg-app-%d/providers/%s/%s",
                        n % 20, n % 50, type.substring("azure.".length()), name)
                : provider + ":" + type + "/" + name;
        Origin origin = Origin.of(SOURCES.getOrDefault(provider, provider),
                String.format(Locale.ROOT, "exports/%s/export-%04d.json", provider, n / 1000));
        return new SimResource(type, id, name, provider, origin, List.copyOf(chosen), failing);
    }

    /** One resource and the current outcome of each check assigned to it. */
    private static final class SimResource {
        final String type;
        final String id;
        final String name;
        final String provider;
        final Origin origin;
        final List<CheckInfo> checks;
        final boolean[] failing;

        SimResource(String type, String id, String name, String provider, Origin origin, List<CheckInfo> checks,
                boolean[] failing) {
            this.type = type;
            this.id = id;
            this.name = name;
            this.provider = provider;
            this.origin = origin;
            this.checks = checks;
            this.failing = failing;
        }

        boolean anyFailing() {
            return count(true) > 0;
        }

        boolean anyPassing() {
            return count(false) > 0;
        }

        /** Remediates one failing check, or lets one passing check drift to FAIL. */
        void flip(boolean remediate, SplittableRandom random) {
            int nth = random.nextInt(count(remediate));
            for (int i = 0; i < failing.length; i++) {
                if (failing[i] == remediate && nth-- == 0) {
                    failing[i] = !remediate;
                    return;
                }
            }
        }

        void findings(List<Finding> out) {
            for (int i = 0; i < failing.length; i++) {
                CheckInfo c = checks.get(i);
                out.add(new Finding(c.id(), c.severity(), type, id, name, provider,
                        failing[i] ? Outcome.FAIL : Outcome.PASS, failing[i] ? name + ": not met: " + c.title() : "",
                        origin, ""));
            }
        }

        private int count(boolean state) {
            int n = 0;
            for (boolean f : failing) {
                n += f == state ? 1 : 0;
            }
            return n;
        }
    }
}
