package dev.vouch.collect.awsoffline;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the items of one collect call into resources once every file is read: an item that does not
 * name its account takes the one account the export shows (else {@code unknown}); recorder statuses
 * join their recorders; a resource listed twice (describe-trails lists shadow trails) is kept once;
 * one synthetic {@code aws.account} per account is added as the subject of account-level checks.
 */
final class AccountResolver {
    /** Exports whose absence leaves account-level facts unknown rather than false. */
    static final List<String> ACCOUNT_EXPORTS = List.of("cloudtrail", "guardduty", "config", "s3control");

    private final List<Resource> resources = new ArrayList<>();
    private final List<CollectionError> errors;

    AccountResolver(List<Item> items, List<CollectionError> errors, Map<String, Boolean> exports,
                    Map<String, Origin> declared, Instant now) {
        this.errors = new ArrayList<>(errors);
        Set<String> accounts = new LinkedHashSet<>();
        items.stream().map(Item::account).filter(a -> !a.isEmpty()).forEach(accounts::add);
        accounts.addAll(declared.keySet());
        String fallback = accounts.size() == 1 ? accounts.iterator().next() : "";
        Map<String, Item> statuses = new LinkedHashMap<>();
        items.stream().filter(i -> i.type().equals(ServiceShapes.RECORDER_STATUS))
                .forEach(i -> statuses.putIfAbsent(i.name(), i));
        Set<String> seen = new HashSet<>();
        Map<String, Origin> scopes = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.type().equals(ServiceShapes.RECORDER_STATUS)) {
                continue;
            }
            String account = item.account().isEmpty() ? fallback : item.account();
            Resource r = build(withStatus(item, statuses), account, now);
            if (seen.add(r.type() + "|" + r.id().toLowerCase(Locale.ROOT))) {
                resources.add(r);
                scopes.putIfAbsent(r.scope(), r.origin());
            }
        }
        statuses.values().forEach(s -> this.errors.add(new CollectionError(s.origin(),
                "configuration recorder status '" + s.name() + "' has no matching configuration recorder")));
        declared.forEach((account, origin) -> scopes.putIfAbsent("aws:" + account, origin));
        scopes.forEach((scope, origin) -> resources.add(account(scope, origin, exports, now)));
    }

    List<Resource> resources() {
        return resources;
    }

    List<CollectionError> errors() {
        return errors;
    }

    private static Item withStatus(Item item, Map<String, Item> statuses) {
        if (!item.type().equals("aws.config.recorder")) {
            return item;
        }
        Item status = statuses.remove(item.name());
        Map<String, Object> props = new LinkedHashMap<>(item.properties());
        List<String> errs = new ArrayList<>(item.errors());
        if (status == null) {
            errs.add("configuration recorder " + item.name()
                    + " has no status (export describe-configuration-recorder-status)");
        } else {
            props.put("Status", status.properties());
        }
        return new Item(item.type(), item.id(), item.name(), item.location(), props, item.origin(),
                item.account(), errs);
    }

    private static Resource build(Item item, String account, Instant now) {
        String acct = account.isEmpty() ? "unknown" : account;
        Resource.Builder b = Resource.builder(item.type(), item.id().replace(Item.ACCOUNT, acct))
                .name(item.name()).provider("aws").scope("aws:" + acct).location(item.location())
                .properties(new LinkedHashMap<>(item.properties())).origin(item.origin()).collectedAt(now);
        item.errors().forEach(b::error);
        return b.build();
    }

    private static Resource account(String scope, Origin origin, Map<String, Boolean> exports, Instant now) {
        Map<String, Object> seen = new LinkedHashMap<>();
        Resource.Builder b = Resource.builder("aws.account", scope).name(scope.substring("aws:".length()))
                .provider("aws").scope(scope).origin(Origin.of(AwsExportCollector.SOURCE, origin.location()))
                .collectedAt(now);
        for (String kind : ACCOUNT_EXPORTS) {
            if (exports.containsKey(kind)) {
                seen.put(kind, true);
            } else {
                b.unknown("properties.exports." + kind);
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("AccountId", scope.substring("aws:".length()));
        props.put("exports", seen);
        return b.properties(props).build();
    }
}
