package dev.vouch.collect.aws;

import dev.vouch.collect.awsoffline.AwsShapes.JsonDocument;
import dev.vouch.collect.awsoffline.AwsShapes.NamedDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * S3 buckets with their settings, KMS keys with metadata and rotation, CloudTrail trails with status,
 * rendered as the combined CLI documents of docs/aws-offline.md. Requests: S3 = ListBuckets pages + 4
 * per bucket (GetPublicAccessBlock, GetBucketEncryption, GetBucketVersioning, GetBucketPolicy); KMS =
 * per region ListKeys pages + 1 DescribeKey per key + 1 GetKeyRotationStatus per enabled symmetric
 * customer managed key; CloudTrail = 1 DescribeTrails per region + 1 GetTrailStatus per distinct trail.
 */
final class ServiceFetch {
    private final AwsClients clients;
    private final Calls calls;
    private final String account;

    ServiceFetch(AwsClients clients, Calls calls, String account) {
        this.clients = clients;
        this.calls = calls;
        this.account = account;
    }

    void buckets(List<NamedDocument> docs) {
        S3Client s3 = clients.s3();
        var listed = calls.run("s3:ListAllMyBuckets", "account", () -> {
            List<Bucket> all = new ArrayList<>();
            s3.listBucketsPaginator(b -> { }).forEach(p -> all.addAll(p.buckets()));
            return all;
        });
        if (listed instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.s3.bucket", "aws:" + account + "/s3/buckets", f.message());
            return;
        }
        List<Object> out = new ArrayList<>();
        for (Bucket bucket : ((Calls.Got<List<Bucket>>) listed).value()) {
            out.add(bucket(s3, bucket));
        }
        Map<String, Object> root = root();
        root.put("Buckets", out);
        docs.add(new JsonDocument("s3:ListBuckets", root));
    }

    private Map<String, Object> bucket(S3Client s3, Bucket bucket) {
        String name = bucket.name();
        String id = "arn:aws:s3:::" + name;
        Map<String, Object> b = CliJson.object(bucket);
        var pab = calls.run("s3:GetBucketPublicAccessBlock", name, Set.of("NoSuchPublicAccessBlockConfiguration"),
                () -> s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration());
        put(b, "PublicAccessBlockConfiguration", pab, id);
        var sse = calls.run("s3:GetEncryptionConfiguration", name,
                Set.of("ServerSideEncryptionConfigurationNotFoundError"),
                () -> s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration());
        put(b, "ServerSideEncryptionConfiguration", sse, id);
        var versioning = calls.run("s3:GetBucketVersioning", name, () -> s3.getBucketVersioning(r -> r.bucket(name)));
        put(b, "Versioning", versioning, id);
        var policy = calls.run("s3:GetBucketPolicy", name, Set.of("NoSuchBucketPolicy"),
                () -> s3.getBucketPolicy(r -> r.bucket(name)).policy());
        put(b, "Policy", policy, id);
        return b;
    }

    /** A got answer is stored under {@code key}; an absent one is left out; a failed one errors the resource. */
    private void put(Map<String, Object> item, String key, Calls.Result<?> result, String resourceId) {
        if (result instanceof Calls.Got<?> g) {
            item.put(key, CliJson.value(g.value()));
        } else if (result instanceof Calls.Failed<?> f) {
            calls.resourceError(resourceId, f.message());
        }
    }

    void keys(Region region, List<NamedDocument> docs) {
        KmsClient kms = clients.kms(region);
        var listed = calls.run("kms:ListKeys", region.id(), () -> {
            List<KeyListEntry> all = new ArrayList<>();
            kms.listKeysPaginator(b -> { }).forEach(p -> all.addAll(p.keys()));
            return all;
        });
        if (listed instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.kms.key", "aws:" + account + "/kms/keys@" + region.id(), f.message());
            return;
        }
        List<Object> out = new ArrayList<>();
        for (KeyListEntry key : ((Calls.Got<List<KeyListEntry>>) listed).value()) {
            out.add(key(kms, key));
        }
        Map<String, Object> root = root();
        root.put("Keys", out);
        docs.add(new JsonDocument("kms:ListKeys@" + region.id(), root));
    }

    private Map<String, Object> key(KmsClient kms, KeyListEntry key) {
        Map<String, Object> k = CliJson.object(key);
        var described = calls.run("kms:DescribeKey", key.keyArn(),
                () -> kms.describeKey(r -> r.keyId(key.keyId())).keyMetadata());
        put(k, "KeyMetadata", described, key.keyArn());
        if (described instanceof Calls.Got<KeyMetadata> m && rotates(m.value())) {
            var rotation = calls.run("kms:GetKeyRotationStatus", key.keyArn(),
                    () -> kms.getKeyRotationStatus(r -> r.keyId(key.keyId())).keyRotationEnabled());
            put(k, "KeyRotationEnabled", rotation, key.keyArn());
        }
        return k;
    }

    /** The keys AWS-KMS rotation applies to: enabled symmetric customer managed keys. */
    private static boolean rotates(KeyMetadata m) {
        return "CUSTOMER".equals(m.keyManagerAsString()) && "SYMMETRIC_DEFAULT".equals(m.keySpecAsString())
                && "Enabled".equals(m.keyStateAsString());
    }

    /** Trails of every region, each listed once (shadow trails are the same ARN), with their status. */
    void trails(List<Region> regions, List<NamedDocument> docs) {
        Map<String, Trail> trails = new LinkedHashMap<>();
        boolean listedAny = false;
        for (Region region : regions) {
            var listed = calls.run("cloudtrail:DescribeTrails", region.id(),
                    () -> clients.cloudTrail(region).describeTrails(b -> b.includeShadowTrails(true)).trailList());
            if (listed instanceof Calls.Got<List<Trail>> g) {
                listedAny = true;
                g.value().forEach(t -> trails.putIfAbsent(t.trailARN(), t));
            } else if (listed instanceof Calls.Failed<?> f) {
                calls.placeholder("aws.cloudtrail.trail", "aws:" + account + "/cloudtrail/trails@" + region.id(),
                        f.message());
            }
        }
        if (!listedAny) {
            return;
        }
        List<Object> out = new ArrayList<>();
        trails.values().forEach(t -> out.add(trail(t, regions.get(0))));
        Map<String, Object> root = root();
        root.put("trailList", out);
        docs.add(new JsonDocument("cloudtrail:DescribeTrails", root));
    }

    private Map<String, Object> trail(Trail trail, Region fallback) {
        Map<String, Object> t = CliJson.object(trail);
        Region home = trail.homeRegion() == null ? fallback : Region.of(trail.homeRegion());
        var status = calls.run("cloudtrail:GetTrailStatus", trail.trailARN(),
                () -> clients.cloudTrail(home).getTrailStatus(b -> b.name(trail.trailARN())));
        put(t, "Status", status, trail.trailARN());
        return t;
    }

    private Map<String, Object> root() {
        Map<String, Object> root = new LinkedHashMap<>();
        if (!account.equals("unknown")) {
            root.put("AccountId", account);
        }
        return root;
    }
}
