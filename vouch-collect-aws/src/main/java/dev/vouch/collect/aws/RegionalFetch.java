package dev.vouch.collect.aws;

import dev.vouch.collect.awsoffline.AwsShapes.JsonDocument;
import dev.vouch.collect.awsoffline.AwsShapes.NamedDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.rds.model.DBInstance;

/**
 * Per region: EC2 security groups, RDS instances, Config recorders with their status. Requests per
 * region: DescribeSecurityGroups pages + DescribeDBInstances pages + 1 DescribeConfigurationRecorders
 * + 1 DescribeConfigurationRecorderStatus.
 */
final class RegionalFetch {
    private final AwsClients clients;
    private final Calls calls;
    private final String account;

    RegionalFetch(AwsClients clients, Calls calls, String account) {
        this.clients = clients;
        this.calls = calls;
        this.account = account;
    }

    void securityGroups(Region region, List<NamedDocument> docs) {
        var listed = calls.run("ec2:DescribeSecurityGroups", region.id(), () -> {
            List<SecurityGroup> all = new ArrayList<>();
            clients.ec2(region).describeSecurityGroupsPaginator(b -> { }).forEach(p -> all.addAll(p.securityGroups()));
            return all;
        });
        if (listed instanceof Calls.Got<List<SecurityGroup>> g) {
            docs.add(doc("ec2:DescribeSecurityGroups@", region, "SecurityGroups", CliJson.objects(g.value())));
        } else if (listed instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.ec2.security_group", "aws:" + account + "/ec2/security-groups@" + region.id(),
                    f.message());
        }
    }

    void dbInstances(Region region, List<NamedDocument> docs) {
        var listed = calls.run("rds:DescribeDBInstances", region.id(), () -> {
            List<DBInstance> all = new ArrayList<>();
            clients.rds(region).describeDBInstancesPaginator(b -> { }).forEach(p -> all.addAll(p.dbInstances()));
            return all;
        });
        if (listed instanceof Calls.Got<List<DBInstance>> g) {
            docs.add(doc("rds:DescribeDBInstances@", region, "DBInstances", CliJson.objects(g.value())));
        } else if (listed instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.rds.instance", "aws:" + account + "/rds/instances@" + region.id(), f.message());
        }
    }

    /** Recorders and statuses of one region in one document (the normalizer joins them by name). */
    void recorders(Region region, List<NamedDocument> docs) {
        var recorders = calls.run("config:DescribeConfigurationRecorders", region.id(),
                () -> clients.config(region).describeConfigurationRecorders(b -> { }).configurationRecorders());
        if (recorders instanceof Calls.Failed<?> f) {
            calls.placeholder("aws.config.recorder", "aws:" + account + "/config/recorders@" + region.id(),
                    f.message());
            return;
        }
        var statuses = calls.run("config:DescribeConfigurationRecorderStatus", region.id(),
                () -> clients.config(region).describeConfigurationRecorderStatus(b -> { })
                        .configurationRecordersStatus());
        JsonDocument doc = doc("config:DescribeConfigurationRecorders@", region, "ConfigurationRecorders",
                CliJson.objects(((Calls.Got<List<ConfigurationRecorder>>) recorders).value()));
        if (statuses instanceof Calls.Got<List<ConfigurationRecorderStatus>> s) {
            doc.root().put("ConfigurationRecordersStatus", CliJson.objects(s.value()));
        }
        docs.add(doc);
    }

    private JsonDocument doc(String action, Region region, String key, List<Object> items) {
        Map<String, Object> root = new LinkedHashMap<>();
        if (!account.equals("unknown")) {
            root.put("AccountId", account);
        }
        root.put("Region", region.id());
        root.put(key, items);
        return new JsonDocument(action + region.id(), root);
    }
}
