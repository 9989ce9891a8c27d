package dev.vouch.collect.awsoffline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CloudTrail, S3, KMS, EC2, RDS, GuardDuty and Config exports (docs/aws-offline.md). */
final class ServiceShapes {
    /** Internal: a recorder status read apart from its recorder, merged by name after all files are read. */
    static final String RECORDER_STATUS = "aws.config.recorder_status";

    private ServiceShapes() {
    }

    /** {@code aws cloudtrail describe-trails}; each trail may carry {@code Status} (get-trail-status). */
    static void trails(Doc doc) {
        for (Map<String, Object> raw : Doc.objects(doc.root().get("trailList"))) {
            Map<String, Object> t = Doc.copy(raw);
            String arn = Doc.text(t, "TrailARN");
            List<String> errors = new ArrayList<>();
            if (!(t.get("Status") instanceof Map<?, ?>)) {
                errors.add("trail " + arn + " has no Status (export get-trail-status into the trail as 'Status')");
            }
            doc.sink().accept(new Item("aws.cloudtrail.trail", arn, Doc.text(t, "Name"),
                    Doc.firstNonEmpty(Doc.text(t, "HomeRegion"), Arns.region(arn)), t, doc.origin(raw),
                    Arns.account(arn), errors));
        }
    }

    /**
     * {@code aws s3api list-buckets}; each bucket may carry {@code PublicAccessBlockConfiguration},
     * {@code ServerSideEncryptionConfiguration}, {@code Versioning} and {@code Policy} (the outputs of
     * the per-bucket get- calls). Absent means not configured.
     */
    static void buckets(Doc doc) {
        String owner = doc.account();
        for (Map<String, Object> raw : Doc.objects(doc.root().get("Buckets"))) {
            Map<String, Object> b = Doc.copy(raw);
            String name = Doc.text(b, "Name");
            List<String> errors = new ArrayList<>();
            boolean tls = false;
            if (b.containsKey("Policy")) {
                try {
                    Map<String, Object> policy = PolicyDocuments.parse(b.get("Policy"));
                    b.put("Policy", policy);
                    tls = PolicyDocuments.deniesInsecureTransport(policy);
                } catch (IllegalArgumentException e) {
                    errors.add("bucket " + name + ": field 'Policy': " + e.getMessage());
                }
            }
            b.put("deniesInsecureTransport", tls);
            doc.sink().accept(new Item("aws.s3.bucket", "arn:aws:s3:::" + name, name,
                    Doc.firstNonEmpty(Doc.text(b, "BucketRegion"), doc.region()), b, doc.origin(raw), owner, errors));
        }
    }

    /** {@code aws s3control get-public-access-block}: a file whose only AWS key is PublicAccessBlockConfiguration. */
    static void accountPublicAccessBlock(Doc doc) {
        if (!(doc.root().get("PublicAccessBlockConfiguration") instanceof Map<?, ?> pab)) {
            throw new IllegalArgumentException("field 'PublicAccessBlockConfiguration' must be an object");
        }
        doc.sink().accept(Item.of("aws.s3.account_public_access_block",
                "aws:" + Item.ACCOUNT + "/s3/account-public-access-block", "account-public-access-block", "",
                Doc.copy(pab), doc.origin(doc.root()), doc.account()));
    }

    /** {@code aws kms list-keys}; each key may carry {@code KeyMetadata} (describe-key) and {@code KeyRotationEnabled}. */
    static void keys(Doc doc) {
        for (Map<String, Object> raw : Doc.objects(doc.root().get("Keys"))) {
            Map<String, Object> k = Doc.copy(raw);
            String arn = Doc.text(k, "KeyArn");
            List<String> errors = new ArrayList<>();
            if (!(k.get("KeyMetadata") instanceof Map<?, ?>)) {
                errors.add("key " + arn + " has no KeyMetadata (export describe-key into the key)");
            }
            doc.sink().accept(new Item("aws.kms.key", arn, Doc.text(k, "KeyId"), Arns.region(arn), k,
                    doc.origin(raw), Arns.account(arn), errors));
        }
    }

    /** {@code aws ec2 describe-security-groups}. */
    static void securityGroups(Doc doc) {
        for (Map<String, Object> raw : Doc.objects(doc.root().get("SecurityGroups"))) {
            Map<String, Object> g = Doc.copy(raw);
            String account = Doc.text(g, "OwnerId");
            String arn = Doc.firstNonEmpty(Doc.text(g, "SecurityGroupArn"), "arn:aws:ec2:" + doc.region() + ":"
                    + account + ":security-group/" + Doc.text(g, "GroupId"));
            doc.sink().accept(Item.of("aws.ec2.security_group", arn, Doc.text(g, "GroupName"),
                    Doc.firstNonEmpty(Arns.region(arn), doc.region()), g, doc.origin(raw),
                    Doc.firstNonEmpty(Arns.account(arn), account)));
        }
    }

    /** {@code aws rds describe-db-instances}. */
    static void dbInstances(Doc doc) {
        for (Map<String, Object> raw : Doc.objects(doc.root().get("DBInstances"))) {
            Map<String, Object> d = Doc.copy(raw);
            String arn = Doc.text(d, "DBInstanceArn");
            doc.sink().accept(Item.of("aws.rds.instance", arn, Doc.text(d, "DBInstanceIdentifier"),
                    Arns.region(arn), d, doc.origin(raw), Arns.account(arn)));
        }
    }

    /** {@code aws guardduty list-detectors} plus {@code Detectors}: detector id → get-detector output. */
    static void detectors(Doc doc) {
        Map<?, ?> details = doc.root().get("Detectors") instanceof Map<?, ?> m ? m : Map.of();
        Object ids = doc.root().get("DetectorIds");
        for (Object id : ids instanceof List<?> l ? l : List.of()) {
            String detectorId = String.valueOf(id);
            Object detail = details.get(detectorId);
            Map<String, Object> d = detail instanceof Map<?, ?> dm ? Doc.copy(dm) : new java.util.LinkedHashMap<>();
            d.put("DetectorId", detectorId);
            List<String> errors = detail instanceof Map<?, ?> ? List.of()
                    : List.of("detector " + detectorId + " has no get-detector output under 'Detectors'");
            doc.sink().accept(new Item("aws.guardduty.detector", "arn:aws:guardduty:" + doc.region() + ":"
                    + Item.ACCOUNT + ":detector/" + detectorId, detectorId, doc.region(), d,
                    doc.origin(detail instanceof Map<?, ?> ? detail : doc.root()), doc.account(), errors));
        }
    }

    /** {@code configservice describe-configuration-recorders} and/or {@code describe-configuration-recorder-status}. */
    static void recorders(Doc doc) {
        for (Map<String, Object> raw : Doc.objects(doc.root().get("ConfigurationRecorders"))) {
            Map<String, Object> r = Doc.copy(raw);
            String name = Doc.text(r, "name");
            String arn = Doc.firstNonEmpty(Doc.text(r, "arn"), "arn:aws:config:" + doc.region() + ":"
                    + Item.ACCOUNT + ":configuration-recorder/" + name);
            doc.sink().accept(Item.of("aws.config.recorder", arn, name,
                    Doc.firstNonEmpty(Arns.region(arn), doc.region()), r, doc.origin(raw),
                    Doc.firstNonEmpty(Arns.account(arn), doc.account())));
        }
        for (Map<String, Object> raw : Doc.objects(doc.root().get("ConfigurationRecordersStatus"))) {
            Map<String, Object> s = Doc.copy(raw);
            doc.sink().accept(Item.of(RECORDER_STATUS, Doc.text(s, "name"), Doc.text(s, "name"), doc.region(), s,
                    doc.origin(raw), doc.account()));
        }
    }
}
