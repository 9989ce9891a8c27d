package dev.vouch.collect.aws;

import dev.vouch.collect.Collector;
import dev.vouch.collect.awsoffline.AwsExportCollector;
import dev.vouch.collect.awsoffline.AwsShapes;
import dev.vouch.collect.awsoffline.AwsShapes.JsonDocument;
import dev.vouch.collect.awsoffline.AwsShapes.NamedDocument;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * Reads one AWS account live through the SDK (source {@code aws}): every response is rendered as the
 * JSON the AWS CLI prints and normalized by the offline AWS export code ({@link AwsShapes}), so a live
 * account and an export of it give the same resources. What could not be read is a CollectionError
 * naming the IAM action, plus an error on the resources it concerns (their checks are ERROR). GuardDuty
 * and the account-level S3 public access block are read with SigV4-signed REST calls (their SDK modules
 * are not in this build), see {@link AccountFetch}.
 * Request counts: docs/permissions.md "AWS live".
 */
public final class AwsLiveCollector implements Collector {
    public static final String SOURCE = "aws";
    private final Clock clock;
    private final AwsClients clients;
    private final List<Region> regions;
    private final Sleeper sleeper;

    /**
     * @param regions the regions to read regional services in; not empty
     */
    public AwsLiveCollector(Clock clock, AwsClients clients, List<Region> regions) {
        this(clock, clients, regions, Sleeper.backoff());
    }

    AwsLiveCollector(Clock clock, AwsClients clients, List<Region> regions, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.regions = List.copyOf(regions);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (this.regions.isEmpty()) {
            throw new IllegalArgumentException("AWS live collection needs at least one region");
        }
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** Live collection reads no files: the path is ignored. */
    @Override
    public Collection collect(Path ignored) {
        return collect();
    }

    /**
     * Reads the account. When even {@code sts:GetCallerIdentity} fails (no or invalid credentials, no
     * network) nothing else is tried: the result is that one CollectionError.
     */
    public Collection collect() {
        Calls calls = new Calls();
        var identity = calls.run("sts:GetCallerIdentity", "account", () -> clients.sts().getCallerIdentity().account());
        if (!(identity instanceof Calls.Got<String> got)) {
            return new Collection(List.of(), calls.errors());
        }
        String account = got.value();
        List<NamedDocument> docs = new ArrayList<>();
        List<JsonDocument> recorderDocs = new ArrayList<>();
        new IamFetch(clients.iam(), calls, sleeper, account).fetch(docs);
        ServiceFetch services = new ServiceFetch(clients, calls, account);
        services.buckets(docs);
        services.trails(regions, docs);
        RegionalFetch regional = new RegionalFetch(clients, calls, account);
        for (Region region : regions) {
            services.keys(region, docs);
            regional.securityGroups(region, docs);
            regional.dbInstances(region, docs);
            List<NamedDocument> one = new ArrayList<>();
            regional.recorders(region, one);
            one.forEach(d -> recorderDocs.add((JsonDocument) d));
        }
        AccountFetch accountWide = new AccountFetch(clients.signedRest(clock), calls, account);
        accountWide.publicAccessBlock(clients.homeRegion(), docs);
        accountWide.guardDuty(regions, docs);
        return assemble(docs, recorderDocs, calls, account);
    }

    /**
     * Normalizes the documents. Config recorders are normalized per region (every region's recorder is
     * usually named {@code default}, and the export normalizer joins statuses by name); an empty recorder
     * document in the main batch marks the Config export as read.
     */
    private Collection assemble(List<NamedDocument> docs, List<JsonDocument> recorderDocs, Calls calls,
                                String account) {
        List<NamedDocument> main = new ArrayList<>(docs);
        if (!recorderDocs.isEmpty()) {
            Map<String, Object> marker = new LinkedHashMap<>();
            marker.put("ConfigurationRecorders", List.of());
            main.add(new JsonDocument("config:DescribeConfigurationRecorders", marker));
        }
        Collection all = AwsShapes.normalize(main, clock);
        for (JsonDocument doc : recorderDocs) {
            Collection one = AwsShapes.normalize(List.of(doc), clock);
            all = all.plus(new Collection(one.resources().stream()
                    .filter(r -> r.type().equals("aws.config.recorder")).toList(), one.errors()));
        }
        List<Resource> resources = new ArrayList<>();
        all.resources().forEach(r -> resources.add(relabel(r, calls.resourceErrors().getOrDefault(r.id(), List.of()))));
        calls.placeholders().forEach(p -> resources.add(placeholder(p, account)));
        List<CollectionError> errors = new ArrayList<>(calls.errors());
        all.errors().forEach(e -> errors.add(new CollectionError(relabel(e.origin()), e.message())));
        return new Collection(resources, errors);
    }

    private static Origin relabel(Origin o) {
        return AwsExportCollector.SOURCE.equals(o.source()) ? new Origin(SOURCE, o.location(), o.line()) : o;
    }

    private static Resource relabel(Resource r, List<String> extraErrors) {
        List<String> errors = new ArrayList<>(r.errors());
        errors.addAll(extraErrors);
        return new Resource(r.type(), r.id(), r.name(), r.provider(), r.scope(), r.location(), r.tags(),
                r.properties(), r.attributes(), relabel(r.origin()), r.collectedAt(), r.unknowns(), errors);
    }

    private Resource placeholder(Calls.Placeholder p, String account) {
        return Resource.builder(p.type(), p.id()).name(p.id()).provider("aws").scope("aws:" + account)
                .origin(Origin.of(SOURCE, p.id())).collectedAt(clock.instant()).error(p.error()).build();
    }
}
