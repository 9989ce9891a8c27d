package dev.vouch.cli.scan;

import dev.vouch.cli.workspace.SourceSpec;
import dev.vouch.collect.Collector;
import dev.vouch.collect.azureoffline.ArmTemplateCollector;
import dev.vouch.collect.azureoffline.AzureExportCollector;
import dev.vouch.collect.git.GitCollector;
import dev.vouch.collect.git.GitRepoRecipe;
import dev.vouch.collect.host.CommandRunner;
import dev.vouch.collect.host.HostCollector;
import dev.vouch.collect.terraform.TerraformCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Builds the collector for each kind of source; the only place the CLI names collector classes. */
public final class SourceRegistry {
    private final Clock clock;
    private final Duration gitLookback;
    private final java.util.Optional<java.time.Instant> gitSince;
    private final Path scratch;
    private java.util.Set<String> azureSubscriptions = java.util.Set.of();
    private String azureEndpoint = "";
    private java.util.List<String> awsRegions = java.util.List.of();
    private GitHubSettings github = new GitHubSettings("", java.util.List.of(), "", 90);

    /** What the live GitHub source reads: an owner (org or user), optional repositories, the API URL, the PR window. */
    public record GitHubSettings(String owner, java.util.List<String> repos, String apiUrl, int changeWindowDays) {
    }

    /**
     * @param scratch where git recipes ({@code *.gitrepo.yaml}) are built into real repositories
     */
    public SourceRegistry(Clock clock, Duration gitLookback, Path scratch) {
        this(clock, gitLookback, java.util.Optional.empty(), scratch);
    }

    /** @param gitSince a fixed start of the git change window; when present it replaces the lookback */
    public SourceRegistry(Clock clock, Duration gitLookback, java.util.Optional<java.time.Instant> gitSince, Path scratch) {
        this.clock = clock;
        this.gitLookback = gitLookback;
        this.gitSince = gitSince;
        this.scratch = scratch;
    }

    /** Subscriptions the live Azure source reads; empty = every subscription the credential can see. */
    public SourceRegistry azureSubscriptions(java.util.Set<String> ids) {
        this.azureSubscriptions = java.util.Set.copyOf(ids);
        return this;
    }

    /**
     * Another Resource Manager endpoint: {@code https://…} (sovereign clouds) is used with the default
     * credential; plain {@code http://} is accepted only on loopback (a local mock tenant), and then no
     * credential is sent at all.
     */
    public SourceRegistry azureEndpoint(String url) {
        this.azureEndpoint = url == null ? "" : url;
        if (!azureEndpoint.isEmpty()) {
            validateEndpoint(java.net.URI.create(azureEndpoint));
        }
        return this;
    }

    private void validateEndpoint(java.net.URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            throw new IllegalArgumentException("--azure-endpoint must be https://…, or http:// on loopback for a local mock; was "
                    + azureEndpoint);
        }
    }

    /** Regions the live AWS source reads (default: the SDK's default region chain). */
    public SourceRegistry awsRegions(java.util.List<String> regions) {
        this.awsRegions = java.util.List.copyOf(regions);
        return this;
    }

    private Collector aws() {
        java.util.List<software.amazon.awssdk.regions.Region> regions;
        if (awsRegions.isEmpty()) {
            try {
                regions = java.util.List.of(new software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain().getRegion());
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                throw new IllegalArgumentException("no AWS region: give --aws-region REGION (repeatable), set AWS_REGION, "
                        + "or set a region in your AWS profile");
            }
        } else {
            regions = awsRegions.stream().map(software.amazon.awssdk.regions.Region::of).toList();
        }
        dev.vouch.collect.aws.AwsClients clients = dev.vouch.collect.aws.AwsClients.production(regions.get(0));
        dev.vouch.collect.aws.AwsLiveCollector live = new dev.vouch.collect.aws.AwsLiveCollector(clock, clients, regions);
        return new Collector() {
            @Override
            public String source() {
                return live.source();
            }

            @Override
            public dev.vouch.model.Collection collect(Path ignored) {
                try (clients) {
                    return live.collect();
                }
            }
        };
    }

    public SourceRegistry github(GitHubSettings settings) {
        this.github = settings;
        return this;
    }

    private Collector gitHub() {
        String token = System.getenv().getOrDefault("GITHUB_TOKEN", "");
        var builder = dev.vouch.collect.github.GitHubApi.builder(token);
        if (!github.apiUrl().isEmpty()) {
            builder.baseUrl(java.net.URI.create(github.apiUrl()));
        }
        return new dev.vouch.collect.github.GitHubCollector(clock, builder.build(), github.owner(), github.repos(),
                Duration.ofDays(github.changeWindowDays()));
    }

    private dev.vouch.collect.azure.AzureArm azureArm() {
        if (azureEndpoint.isEmpty()) {
            return dev.vouch.collect.azure.AzureArm.withDefaultCredential();
        }
        java.net.URI uri = java.net.URI.create(azureEndpoint);
        if ("https".equals(uri.getScheme())) {
            return dev.vouch.collect.azure.AzureArm.withCredential(
                    new com.azure.identity.DefaultAzureCredentialBuilder().build(), azureEndpoint);
        }
        validateEndpoint(uri);
        return dev.vouch.collect.azure.AzureArm.forTesting(azureEndpoint);
    }

    Collector collector(SourceSpec.Kind kind) {
        return switch (kind) {
            case TERRAFORM -> new TerraformCollector(clock);
            case ARM -> new ArmTemplateCollector(clock);
            case AZURE -> new dev.vouch.collect.azure.AzureLiveCollector(clock, azureArm(), azureSubscriptions, 8);
            case GITHUB -> gitHub();
            case AWS -> aws();
            case ENTRA -> new dev.vouch.collect.graph.GraphLiveCollector(clock, dev.vouch.collect.graph.GraphApi.withDefaultCredential(), 4);
            case AZURE_EXPORT -> new AzureExportCollector(clock);
            case GRAPH_EXPORT -> new dev.vouch.collect.graph.GraphExportCollector(clock);
            case AWS_EXPORT -> new dev.vouch.collect.awsoffline.AwsExportCollector(clock);
            case HOST -> new HostCollector(clock, CommandRunner.system());
            case GIT -> gitSince.map(since -> new GitCollector(clock, since)).orElseGet(() -> new GitCollector(clock, gitLookback));
        };
    }

    /** The path the collector reads: a git recipe is first built into a real repository. */
    Path prepare(SourceSpec spec) {
        String name = spec.path().getFileName() == null ? "" : spec.path().getFileName().toString();
        if (spec.kind() != SourceSpec.Kind.GIT || !name.endsWith(".gitrepo.yaml")) {
            return spec.path();
        }
        try {
            Path target = scratch.resolve("git").resolve(name.substring(0, name.length() - ".gitrepo.yaml".length()));
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.createDirectories(target.getParent());
            return GitRepoRecipe.build(spec.path(), target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the git recipe " + spec.path() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
