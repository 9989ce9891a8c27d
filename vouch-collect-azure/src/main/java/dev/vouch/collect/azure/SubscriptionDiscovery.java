package dev.vouch.collect.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code GET /subscriptions} (paged): every subscription the credential can see, in listing order. */
final class SubscriptionDiscovery {
    private final AzureArm arm;

    SubscriptionDiscovery(AzureArm arm) {
        this.arm = arm;
    }

    List<String> list(List<CollectionError> errors) {
        Set<String> ids = new LinkedHashSet<>();
        String url = arm.baseUrl() + "/subscriptions?api-version=" + AzureLiveCollector.SUBSCRIPTIONS_API;
        for (int pages = 0; url != null && pages < TypeListing.MAX_PAGES; pages++) {
            Origin origin = Origin.of(AzureLiveCollector.SOURCE, TypeListing.withoutQuery(url));
            TypeListing.Page page = fetch(url, origin.location());
            if (page.failure() != null) {
                errors.add(new CollectionError(origin, page.failure()));
                break;
            }
            for (JsonNode item : page.items()) {
                JsonNode id = item.path("subscriptionId");
                if (id.isTextual() && !id.textValue().isBlank()) {
                    ids.add(id.textValue());
                } else {
                    errors.add(new CollectionError(origin, "subscription item without 'subscriptionId' from " + origin.location()));
                }
            }
            url = page.nextLink();
        }
        if (ids.isEmpty() && errors.isEmpty()) {
            errors.add(new CollectionError(Origin.of(AzureLiveCollector.SOURCE, arm.baseUrl() + "/subscriptions"),
                    "the credential sees no subscription: assign it Reader on the subscriptions to scan, or pass --subscription"));
        }
        return new ArrayList<>(ids);
    }

    private TypeListing.Page fetch(String url, String where) {
        AzureArm.ArmReply reply;
        try {
            reply = arm.get(url);
        } catch (RuntimeException e) {
            String why = ArmFailures.scrub(String.valueOf(e.getMessage()));
            String hint = why.contains("Credential") ? " (no usable Azure credential: set AZURE_TENANT_ID, AZURE_CLIENT_ID and "
                    + "AZURE_CLIENT_SECRET, use a managed identity, or run 'az login'; see docs/permissions.md)" : "";
            return TypeListing.Page.failed("listing subscriptions failed at " + where + ": " + firstSentence(why) + hint);
        }
        if (!reply.ok()) {
            String code = ArmFailures.code(reply.body());
            return TypeListing.Page.failed(reply.status() + (code.isEmpty() ? "" : " " + code)
                    + ": listing subscriptions failed at " + where + " (the credential needs Microsoft.Resources/subscriptions/read, part of Reader)");
        }
        return TypeListing.parse(reply.body(), where);
    }

    /** ARM and identity errors nest whole stack summaries; the first sentence carries the cause. */
    private static String firstSentence(String s) {
        int cut = s.indexOf(". ");
        return cut > 0 && cut < 200 ? s.substring(0, cut + 1) : s;
    }
}
