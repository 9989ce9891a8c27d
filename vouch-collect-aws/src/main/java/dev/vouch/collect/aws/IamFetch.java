package dev.vouch.collect.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.collect.awsoffline.AwsShapes.CsvDocument;
import dev.vouch.collect.awsoffline.AwsShapes.JsonDocument;
import dev.vouch.collect.awsoffline.AwsShapes.NamedDocument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * IAM: the credential report (generated, polled until COMPLETE, fetched), the password policy, the
 * account summary and the customer managed policies with their default versions. Requests: 1–
 * {@value #REPORT_POLLS} GenerateCredentialReport + 1 GetCredentialReport + 1 GetAccountPasswordPolicy +
 * 1 GetAccountSummary + ListPolicies pages + 1 GetPolicyVersion per customer managed policy.
 */
final class IamFetch {
    static final int REPORT_POLLS = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

    private final IamClient iam;
    private final Calls calls;
    private final Sleeper sleeper;
    private final String account;

    IamFetch(IamClient iam, Calls calls, Sleeper sleeper, String account) {
        this.iam = iam;
        this.calls = calls;
        this.sleeper = sleeper;
        this.account = account;
    }

    void fetch(List<NamedDocument> docs) {
        credentialReport(docs);
        passwordPolicy(docs);
        accountSummary(docs);
        policies(docs);
    }

    private void credentialReport(List<NamedDocument> docs) {
        String unreadable = "aws:" + account + "/iam/credential-report";
        for (int poll = 0; poll < REPORT_POLLS; poll++) {
            Calls.Result<GenerateCredentialReportResponse> gen = calls.run("iam:GenerateCredentialReport",
                    "account", iam::generateCredentialReport);
            if (gen instanceof Calls.Failed<?> f) {
                calls.placeholder("aws.iam.user", unreadable, f.message());
                return;
            }
            if (gen instanceof Calls.Got<GenerateCredentialReportResponse> g
                    && g.value().state() == ReportStateType.COMPLETE) {
                break;
            }
            sleeper.sleep(poll);
        }
        Calls.Result<GetCredentialReportResponse> report = calls.run("iam:GetCredentialReport", "account",
                Set.of("ReportNotPresent", "ReportExpired", "ReportInProgress"), iam::getCredentialReport);
        if (report instanceof Calls.Got<GetCredentialReportResponse> g) {
            docs.add(new CsvDocument("iam:GetCredentialReport", g.value().content().asUtf8String()));
        } else if (report instanceof Calls.Absent<GetCredentialReportResponse> a) {
            String message = "iam:GetCredentialReport: the credential report is not ready (" + a.code()
                    + ") after " + REPORT_POLLS + " GenerateCredentialReport polls";
            calls.gap("iam:GetCredentialReport account", message);
            calls.placeholder("aws.iam.user", unreadable, message);
        } else if (report instanceof Calls.Failed<GetCredentialReportResponse> f) {
            calls.placeholder("aws.iam.user", unreadable, f.message());
        }
    }

    private void passwordPolicy(List<NamedDocument> docs) {
        var r = calls.run("iam:GetAccountPasswordPolicy", "account", Set.of("NoSuchEntity"),
                iam::getAccountPasswordPolicy);
        if (r instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.iam.password_policy", "aws:" + account + "/iam/password-policy", f.message());
            return;
        }
        Map<String, Object> root = root();
        root.put("PasswordPolicy", r instanceof Calls.Got<?> g ? CliJson.value(
                ((software.amazon.awssdk.services.iam.model.GetAccountPasswordPolicyResponse) g.value())
                        .passwordPolicy()) : null);
        docs.add(new JsonDocument("iam:GetAccountPasswordPolicy", root));
    }

    private void accountSummary(List<NamedDocument> docs) {
        var r = calls.run("iam:GetAccountSummary", "account", iam::getAccountSummary);
        if (r instanceof Calls.Got<software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse> g) {
            Map<String, Object> root = root();
            root.put("SummaryMap", CliJson.value(g.value().summaryMapAsStrings()));
            docs.add(new JsonDocument("iam:GetAccountSummary", root));
        } else if (r instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.iam.account", "aws:" + account + "/iam/account-summary", f.message());
        }
    }

    private void policies(List<NamedDocument> docs) {
        var listed = calls.run("iam:ListPolicies", "Scope=Local", () -> {
            List<Policy> all = new ArrayList<>();
            iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.LOCAL)).forEach(p -> all.addAll(p.policies()));
            return all;
        });
        if (listed instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.iam.policy", "aws:" + account + "/iam/policies", f.message());
            return;
        }
        List<Object> out = new ArrayList<>();
        for (Policy p : ((Calls.Got<List<Policy>>) listed).value()) {
            Map<String, Object> item = CliJson.object(p);
            var version = calls.run("iam:GetPolicyVersion", p.arn(),
                    () -> iam.getPolicyVersion(b -> b.policyArn(p.arn()).versionId(p.defaultVersionId())));
            if (version instanceof Calls.Got<software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse> v) {
                item.put("PolicyVersion", policyVersion(v.value().policyVersion()));
            }
            out.add(item);
        }
        Map<String, Object> root = root();
        root.put("Policies", out);
        docs.add(new JsonDocument("iam:ListPolicies", root));
    }

    /** As the CLI prints it: the URL-encoded document decoded to a JSON object. */
    static Map<String, Object> policyVersion(PolicyVersion version) {
        Map<String, Object> v = CliJson.object(version);
        if (version.document() != null) {
            String text = URLDecoder.decode(version.document(), StandardCharsets.UTF_8);
            try {
                v.put("Document", JSON.readValue(text, Object.class));
            } catch (JsonProcessingException e) {
                v.put("Document", text);
            }
        }
        return v;
    }

    private Map<String, Object> root() {
        Map<String, Object> root = new LinkedHashMap<>();
        if (!account.equals("unknown")) {
            root.put("AccountId", account);
        }
        return root;
    }
}
