package dev.vouch.collect.awsoffline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** IAM exports: password policy, account summary, customer managed policies. */
final class IamShapes {
    private IamShapes() {
    }

    /** {@code aws iam get-account-password-policy}; {@code {"PasswordPolicy": null}} records NoSuchEntity. */
    static void passwordPolicy(Doc doc) {
        Object policy = doc.root().get("PasswordPolicy");
        Map<String, Object> props = policy instanceof Map<?, ?> m ? Doc.copy(m) : new java.util.LinkedHashMap<>();
        if (policy != null && !(policy instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("field 'PasswordPolicy' must be an object or null");
        }
        props.put("exists", policy != null);
        doc.sink().accept(Item.of("aws.iam.password_policy", "aws:" + Item.ACCOUNT + "/iam/password-policy",
                "password-policy", "", props, doc.origin(doc.root()), doc.account()));
    }

    /** {@code aws iam get-account-summary}: the SummaryMap, as {@code aws.iam.account}. */
    static void accountSummary(Doc doc) {
        if (!(doc.root().get("SummaryMap") instanceof Map<?, ?> summary)) {
            throw new IllegalArgumentException("field 'SummaryMap' must be an object");
        }
        doc.sink().accept(Item.of("aws.iam.account", "aws:" + Item.ACCOUNT + "/iam/account-summary",
                "account-summary", "", Doc.copy(summary), doc.origin(summary), doc.account()));
    }

    /**
     * {@code aws iam list-policies --scope Local} where each policy also carries its default version:
     * {@code PolicyVersion} (the {@code get-policy-version} output's object) or {@code PolicyVersionList}
     * (as in {@code get-account-authorization-details}).
     */
    static void policies(Doc doc) {
        for (Map<String, Object> raw : Doc.objects(doc.root().get("Policies"))) {
            Map<String, Object> p = Doc.copy(raw);
            String arn = Doc.text(p, "Arn");
            List<String> errors = new ArrayList<>();
            Object document = defaultDocument(p);
            if (document == null) {
                errors.add("policy " + arn + " has no default version document (export get-policy-version)");
            } else {
                try {
                    Map<String, Object> parsed = PolicyDocuments.parse(document);
                    p.put("DefaultVersionDocument", parsed);
                    p.put("policyAllowsAdminStar", PolicyDocuments.allowsAdminStar(parsed));
                } catch (IllegalArgumentException e) {
                    errors.add("policy " + arn + ": " + e.getMessage());
                }
            }
            doc.sink().accept(new Item("aws.iam.policy", arn.isEmpty() ? Doc.text(p, "PolicyId") : arn,
                    Doc.text(p, "PolicyName"), "", p, doc.origin(raw), Arns.account(arn), errors));
        }
    }

    private static Object defaultDocument(Map<String, Object> policy) {
        if (policy.get("PolicyVersion") instanceof Map<?, ?> v) {
            return v.get("Document");
        }
        String wanted = Doc.text(policy, "DefaultVersionId");
        for (Map<String, Object> v : Doc.objects(policy.get("PolicyVersionList"))) {
            if (Boolean.TRUE.equals(v.get("IsDefaultVersion")) || wanted.equals(v.get("VersionId"))) {
                return v.get("Document");
            }
        }
        return null;
    }
}
