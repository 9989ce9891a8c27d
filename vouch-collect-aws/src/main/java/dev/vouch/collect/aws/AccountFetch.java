package dev.vouch.collect.aws;

import dev.vouch.collect.awsoffline.AwsShapes.JsonDocument;
import dev.vouch.collect.awsoffline.AwsShapes.NamedDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * GuardDuty detectors and the account-level S3 public access block, read with signed REST calls
 * ({@link SignedRest}) and rendered as the CLI documents of docs/aws-offline.md: per region
 * {@code {"AccountId", "Region", "DetectorIds": [...], "Detectors": {id: get-detector output}}}, and
 * {@code {"AccountId", "PublicAccessBlockConfiguration": {...}}}. Requests: per region ListDetectors
 * pages + 1 GetDetector per detector; 1 GetPublicAccessBlock (s3-control, home region).
 *
 * <p>GuardDuty is all or nothing: if any of its calls fails, no GuardDuty document is produced, so the
 * account's {@code exports.guardduty} stays unknown and AWS-DET-001 is UNKNOWN rather than a FAIL or
 * PASS on partial data; each failure is a CollectionError naming the action.
 */
final class AccountFetch {
    static final String LIST_DETECTORS = "guardduty:ListDetectors";
    static final String GET_DETECTOR = "guardduty:GetDetector";
    static final String ACCOUNT_PAB = "s3:GetAccountPublicAccessBlock";
    private static final int MAX_PAGES = 100;

    private final SignedRest rest;
    private final Calls calls;
    private final String account;

    AccountFetch(SignedRest rest, Calls calls, String account) {
        this.rest = rest;
        this.calls = calls;
        this.account = account;
    }

    /** One GuardDuty document per region, added only when every GuardDuty call of every region succeeded. */
    void guardDuty(List<Region> regions, List<NamedDocument> docs) {
        List<NamedDocument> out = new ArrayList<>();
        boolean complete = true;
        for (Region region : regions) {
            complete &= detectors(region, out);
        }
        if (complete) {
            docs.addAll(out);
        }
    }

    private boolean detectors(Region region, List<NamedDocument> out) {
        var listed = calls.run(LIST_DETECTORS, region.id(), () -> detectorIds(region));
        if (!(listed instanceof Calls.Got<List<String>> ids)) {
            if (listed instanceof Calls.Failed<?> f) {
                calls.placeholder("aws.guardduty.detector", "aws:" + account + "/guardduty/detectors@" + region.id(),
                        f.message());
            }
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean complete = true;
        for (String id : ids.value()) {
            var got = calls.run(GET_DETECTOR, id + "@" + region.id(), () -> RestShapes.cli(RestShapes.json(
                    rest.get(guardDuty(region, "/detector/" + SdkHttpUtils.urlEncode(id), Map.of()), SignedRest.ErrorFormat.JSON),
                    GET_DETECTOR)));
            if (got instanceof Calls.Got<Map<String, Object>> d) {
                details.put(id, d.value());
            } else {
                complete = false;
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("AccountId", account);
        root.put("Region", region.id());
        root.put("DetectorIds", ids.value());
        root.put("Detectors", details);
        out.add(new JsonDocument(LIST_DETECTORS + "@" + region.id(), root));
        return complete;
    }

    private List<String> detectorIds(Region region) {
        List<String> ids = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> body = RestShapes.json(rest.get(guardDuty(region, "/detector",
                    token.isEmpty() ? Map.of() : Map.of("nextToken", token)), SignedRest.ErrorFormat.JSON), LIST_DETECTORS);
            if (body.get("detectorIds") instanceof List<?> list) {
                list.forEach(id -> ids.add(String.valueOf(id)));
            }
            token = body.get("nextToken") instanceof String s ? s : "";
            if (token.isEmpty()) {
                return ids;
            }
            if (!tokens.add(token)) {
                throw SdkClientException.create(LIST_DETECTORS + " in " + region.id() + " repeated a page token");
            }
        }
        throw SdkClientException.create(LIST_DETECTORS + " in " + region.id() + " returned more than " + MAX_PAGES
                + " pages");
    }

    private static SignedRest.Get guardDuty(Region region, String path, Map<String, String> query) {
        return new SignedRest.Get("guardduty", region, "guardduty." + region.id() + "." + SignedRest.domain(region),
                path, query, Map.of());
    }

    /**
     * The account's public access block from the home region's S3 Control endpoint. Not configured
     * ({@code NoSuchPublicAccessBlockConfiguration}) is data: an empty configuration, so no setting is on.
     */
    void publicAccessBlock(Region home, List<NamedDocument> docs) {
        SignedRest.Get get = new SignedRest.Get("s3", home, account + ".s3-control." + home.id() + "."
                + SignedRest.domain(home), "/v20180820/configuration/publicAccessBlock", Map.of(),
                Map.of("x-amz-account-id", account));
        var got = calls.run(ACCOUNT_PAB, account, Set.of("NoSuchPublicAccessBlockConfiguration"),
                () -> RestShapes.publicAccessBlock(rest.get(get, SignedRest.ErrorFormat.XML)));
        if (got instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.s3.account_public_access_block", "aws:" + account + "/s3/account-public-access-block",
                    f.message());
            return;
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("AccountId", account);
        root.put("PublicAccessBlockConfiguration",
                got instanceof Calls.Got<Map<String, Object>> g ? g.value() : new LinkedHashMap<>());
        docs.add(new JsonDocument(ACCOUNT_PAB, root));
    }
}
