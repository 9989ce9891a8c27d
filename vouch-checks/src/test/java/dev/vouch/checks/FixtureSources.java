package dev.vouch.checks;

import dev.vouch.collect.Collector;
import dev.vouch.collect.awsoffline.AwsExportCollector;
import dev.vouch.collect.azureoffline.ArmTemplateCollector;
import dev.vouch.collect.azureoffline.AzureExportCollector;
import dev.vouch.collect.git.GitCollector;
import dev.vouch.collect.git.GitRepoRecipe;
import dev.vouch.collect.github.GitHubExportCollector;
import dev.vouch.collect.graph.GraphExportCollector;
import dev.vouch.collect.host.CommandRunner;
import dev.vouch.collect.host.HostCollector;
import dev.vouch.collect.terraform.TerraformCollector;
import dev.vouch.model.Collection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Maps a fixture file or folder to the collector that reads it (docs/checks.md, "Fixtures"):
 * {@code .tf}/{@code .tfdir} → Terraform, {@code .json} → ARM template or Azure export,
 * {@code .host} → Linux host, {@code .gitrepo.yaml} → git, {@code .graph.json}/{@code .graph} → Microsoft Graph export,
 * {@code .aws.json}/{@code .aws.csv}/{@code .awsdir} → AWS export, {@code .github/} → GitHub export,
 * {@code .mixed/} → each child by its own rule, merged (for checks that join two sources).
 */
final class FixtureSources {
    private final Clock clock;
    private final Path work;

    FixtureSources(Clock clock, Path work) {
        this.clock = clock;
        this.work = work;
    }

    Collection collect(Path fixture) throws IOException {
        String name = fixture.getFileName().toString();
        if (name.endsWith(".tf")) {
            Path dir = Files.createTempDirectory(work, "tf");
            Files.copy(fixture, dir.resolve(name));
            return new TerraformCollector(clock).collect(dir);
        }
        if (name.endsWith(".tfdir")) {
            return new TerraformCollector(clock).collect(fixture);
        }
        if (name.endsWith(".mixed")) {
            Collection all = Collection.empty();
            try (var children = Files.list(fixture)) {
                for (Path child : children.sorted().toList()) {
                    all = all.plus(collect(child));
                }
            }
            return all;
        }
        if (name.endsWith(".github")) {
            return new GitHubExportCollector(clock).collect(fixture);
        }
        if (name.endsWith(".aws.json") || name.endsWith(".aws.csv") || name.endsWith(".awsdir")) {
            return new AwsExportCollector(clock).collect(fixture);
        }
        if (name.endsWith(".graph.json") || name.endsWith(".graph")) {
            return new GraphExportCollector(clock).collect(fixture);
        }
        if (name.endsWith(".json")) {
            Collector c = Files.readString(fixture).contains("deploymentTemplate.json")
                    ? new ArmTemplateCollector(clock) : new AzureExportCollector(clock);
            return c.collect(fixture);
        }
        if (name.endsWith(".host")) {
            return new HostCollector(clock, CommandRunner.fromDirectory(fixture.resolve("_commands"))).collect(fixture);
        }
        if (name.endsWith(".gitrepo.yaml")) {
            Path repo = GitRepoRecipe.build(fixture, Files.createTempDirectory(work, "git"));
            return new GitCollector(clock, Duration.ofDays(90)).collect(repo);
        }
        throw new IllegalArgumentException("fixture " + fixture + ": unknown kind (see docs/checks.md)");
    }
}
