package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    static final String GOOD_TF = """
            resource "azurerm_resource_group" "rg" {
              name     = "rg-test"
              location = "westeurope"
            }
            resource "azurerm_storage_account" "weak" {
              name                     = "stweak"
              resource_group_name      = azurerm_resource_group.rg.name
              location                 = azurerm_resource_group.rg.location
              account_tier             = "Standard"
              account_replication_type = "LRS"
              min_tls_version          = "TLS1_0"
            }
            """;

    @TempDir
    Path dir;

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun r = CliRun.of("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("scan", "checks", "controls", "criteria", "bench", "Exit codes", "incomplete");
    }

    @Test
    void nothingToScanIsAUsageError() {
        CliRun r = CliRun.of("scan", "--no-store");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("nothing to scan");
    }

    @Test
    void malformedFileIsNamedOtherFilesStillScannedAndExitIsIncomplete() throws IOException {
        Path tf = dir.resolve("tf");
        Files.createDirectories(tf);
        Files.writeString(tf.resolve("main.tf"), GOOD_TF);
        Files.writeString(tf.resolve("broken.tf"), "resource \"azurerm_storage_account\" \"x\" {\n  name = \n}\n");
        CliRun r = CliRun.of("scan", "--terraform", tf.toString(), "--format", "json", "--no-store", "-q");
        assertThat(r.exit()).isEqualTo(ExitCode.INCOMPLETE);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.toString()).contains("broken.tf");
        assertThat(json.path("findings").toString()).contains("stweak");
    }

    @Test
    void failOnHighTripsOnlyOnFailAtOrAboveTheBar() throws IOException {
        Path tf = dir.resolve("tf");
        Files.createDirectories(tf);
        Files.writeString(tf.resolve("main.tf"), GOOD_TF);
        assertThat(CliRun.of("scan", "--terraform", tf.toString(), "--no-store", "-q", "--fail-on", "low").exit())
                .isEqualTo(ExitCode.FINDINGS);
        assertThat(CliRun.of("scan", "--terraform", tf.toString(), "--no-store", "-q").exit()).isEqualTo(ExitCode.OK);
        CliRun bad = CliRun.of("scan", "--terraform", tf.toString(), "--no-store", "--fail-on", "hgh");
        assertThat(bad.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("--fail-on must be one of none, critical, high, medium, low, was 'hgh'");
    }

    @Test
    void missingSourceFolderIsNamedAndIncomplete() {
        CliRun r = CliRun.of("scan", "--terraform", dir.resolve("nope").toString(), "--no-store", "-q");
        assertThat(r.exit()).isEqualTo(ExitCode.INCOMPLETE);
        assertThat(r.out()).contains("nope");
    }

    @Test
    void workspaceUnknownFieldNamesFileAndLine() throws IOException {
        Files.writeString(dir.resolve("vouch.yaml"), "organization: X\nsources:\n  terraform: [tf]\n  terafrom: [x]\n");
        CliRun r = CliRun.of("scan", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("vouch.yaml:4: unknown source 'terafrom'");
    }

    @Test
    void workspaceScanIsRecordedAndExceptionsApply() throws IOException {
        Path tf = dir.resolve("tf");
        Files.createDirectories(tf);
        Files.writeString(tf.resolve("main.tf"), GOOD_TF);
        Files.writeString(dir.resolve("vouch.yaml"), """
                organization: Test Co
                sources:
                  terraform: [tf]
                exceptions:
                  - id: EXC-1
                    check: AZ-STG-002
                    resource: "*azurerm_storage_account.weak*"
                    owner: dana@test.example
                    reason: legacy client
                    expires: 2999-01-01
                """);
        CliRun r = CliRun.of("scan", dir.toString(), "--format", "json", "-q");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("recorded scan #1");
        assertThat(Files.exists(dir.resolve(".vouch/vouch.db"))).isTrue();
        assertThat(r.out()).contains("EXCEPTED", "EXC-1");
    }

    @Test
    void badExceptionDateNamesFileAndLine() throws IOException {
        Files.createDirectories(dir.resolve("tf"));
        Files.writeString(dir.resolve("tf/main.tf"), GOOD_TF);
        Files.writeString(dir.resolve("vouch.yaml"), "sources:\n  terraform: [tf]\nexceptions: exc.yaml\n");
        Files.writeString(dir.resolve("exc.yaml"), """
                exceptions:
                  - id: EXC-1
                    check: AZ-STG-002
                    resource: "*"
                    owner: dana
                    reason: x
                    expires: next year
                """);
        CliRun r = CliRun.of("scan", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("exc.yaml:7: exception EXC-1: 'expires' must be a date like 2027-01-31, was 'next year'");
    }

    @Test
    void gitSinceMustBeADateAndExcludesTheLookback() throws IOException {
        Files.writeString(dir.resolve("vouch.yaml"), "sources:\n  git: [.]\n  gitSince: last summer\n");
        CliRun r = CliRun.of("scan", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("vouch.yaml:3: 'gitSince' must be a date like 2026-08-01, was 'last summer'");
        Files.writeString(dir.resolve("vouch.yaml"), "sources:\n  git: [.]\n  gitSince: 2026-01-01\n  gitLookbackDays: 30\n");
        assertThat(CliRun.of("scan", dir.toString()).err()).contains("give either 'gitSince' or 'gitLookbackDays', not both");
    }

    @Test
    void anUnusableDatabaseIsReportedBeforeScanningAndLeftAsItWas() throws Exception {
        Path ws = dir.resolve("ws-bad-db");
        Files.createDirectories(ws.resolve("tf"));
        Files.createDirectories(ws.resolve(".vouch"));
        Files.writeString(ws.resolve("tf/main.tf"), GOOD_TF);
        Files.writeString(ws.resolve("vouch.yaml"), "organization: T\nsources:\n  terraform: [tf]\n");
        Files.writeString(ws.resolve(".vouch/vouch.db"), "this is not a database, and it is someone's file\n".repeat(200));
        CliRun r = CliRun.of("scan", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("vouch.db", "not a SQLite database").doesNotContain("internal error");
        assertThat(r.out()).as("nothing scanned").isEmpty();
        assertThat(Files.readString(ws.resolve(".vouch/vouch.db"))).startsWith("this is not a database");
    }
}
