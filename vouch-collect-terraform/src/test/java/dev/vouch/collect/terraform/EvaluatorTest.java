package dev.vouch.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
    @TempDir
    Path dir;

    private final ExprEvaluator ev = new ExprEvaluator();

    private Object eval(String expr) {
        return ev.eval(Parser.parseExpression(expr, 1, 1), Scope.empty());
    }

    private Collection collect(String... nameAndContent) throws IOException {
        for (int i = 0; i < nameAndContent.length; i += 2) {
            Files.writeString(dir.resolve(nameAndContent[i]), nameAndContent[i + 1]);
        }
        return new TerraformCollector(Golden.CLOCK).collect(dir);
    }

    private static Resource byId(Collection c, String id) {
        return c.resources().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(
                () -> new AssertionError(id + " not in " + c.resources().stream().map(Resource::id).toList()));
    }

    @Test
    void functions() {
        assertThat(eval("jsonencode({b = 1, a = [true, null, 1.5]})")).isEqualTo("{\"a\":[true,null,1.5],\"b\":1}");
        assertThat(eval("jsondecode(\"{\\\"n\\\": 3, \\\"d\\\": 2.5}\")")).isEqualTo(Map.of("n", 3L, "d", 2.5d));
        assertThat(eval("merge({a = 1}, {b = 2}, {a = 3})")).isEqualTo(Map.of("a", 3L, "b", 2L));
        assertThat(eval("lookup({a = 1}, \"z\", \"dflt\")")).isEqualTo("dflt");
        assertThat(eval("format(\"%s-%03d-%q\", \"x\", 7, \"y\")")).isEqualTo("x-007-\"y\"");
        assertThat(eval("join(\",\", split(\"-\", \"a-b-c\"))")).isEqualTo("a,b,c");
        assertThat(eval("replace(\"a.b.c\", \".\", \"_\")")).isEqualTo("a_b_c");
        assertThat(eval("replace(\"abc123\", \"/[0-9]+/\", \"#\")")).isEqualTo("abc#");
        assertThat(eval("length(\"héllo\") + length([1, 2]) + length({a = 1})")).isEqualTo(8L);
        assertThat(eval("toset([\"b\", \"a\", \"b\"])")).isEqualTo(List.of("a", "b"));
        assertThat(eval("tonumber(\"42\")")).isEqualTo(42L);
        assertThat(eval("tostring(5)")).isEqualTo("5");
        assertThat(eval("coalesce(null, \"\", \"x\")")).isEqualTo("x");
        assertThat(eval("contains([\"a\", \"b\"], \"b\")")).isEqualTo(true);
        assertThat(eval("keys({b = 1, a = 2})")).isEqualTo(List.of("a", "b"));
        assertThat(eval("values({b = 1, a = 2})")).isEqualTo(List.of(2L, 1L));
        assertThat(eval("flatten([[1, [2]], 3])")).isEqualTo(List.of(1L, 2L, 3L));
        assertThat(eval("distinct([1, 2, 1])")).isEqualTo(List.of(1L, 2L));
        assertThat(eval("element([\"a\", \"b\"], 3)")).isEqualTo("b");
        assertThat(eval("try({a = 1}.b, \"fallback\")")).isEqualTo("fallback");
        assertThat(eval("can({a = 1}.b)")).isEqualTo(false);
        assertThat(eval("min(3, 1.5) + max(1, 2) + abs(-4)")).isEqualTo(7.5d);
        assertThat(eval("substr(\"hello\", 1, 3)")).isEqualTo("ell");
        assertThat(eval("trimspace(\"  x \")")).isEqualTo("x");
        assertThat(eval("startswith(\"abc\", \"ab\") && endswith(\"abc\", \"bc\")")).isEqualTo(true);
        assertThat(eval("lower(\"AB\") == \"ab\" && upper(\"ab\") == \"AB\"")).isEqualTo(true);
        assertThat(eval("tomap({a = 1})")).isEqualTo(Map.of("a", 1L));
        assertThat(eval("tolist([1])")).isEqualTo(List.of(1L));
    }

    @Test
    void unresolvableValuesAreUnknownAndPropagate() {
        assertThat(eval("file(\"x.txt\")")).isEqualTo(Unknown.VALUE);
        assertThat(eval("cidrsubnet(\"10.0.0.0/16\", 8, 1)")).isEqualTo(Unknown.VALUE);
        assertThat(eval("not_a_function(1)")).isEqualTo(Unknown.VALUE);
        assertThat(eval("\"prefix-${file(\"x\")}\"")).isEqualTo(Unknown.VALUE);
        assertThat(eval("upper(file(\"x\"))")).isEqualTo(Unknown.VALUE);
        assertThat(eval("file(\"x\") == \"a\" ? 1 : 2")).isEqualTo(Unknown.VALUE);
        assertThat(eval("false && file(\"x\")")).isEqualTo(false);
        assertThat(eval("[for s in file(\"x\") : s]")).isEqualTo(Unknown.VALUE);
        assertThat(eval("merge({a = file(\"x\")}, {b = 1})")).isEqualTo(Map.of("a", Unknown.VALUE, "b", 1L));
    }

    @Test
    void variablesTfvarsAndLocalsInAnyOrder() throws IOException {
        Collection c = collect(
                "main.tf", """
                        locals {
                          full = "${local.base}-${var.env}"
                          base = lower(var.app)
                        }
                        variable "app" { default = "API" }
                        variable "env" { default = "dev" }
                        variable "tier" { type = string }
                        resource "azurerm_resource_group" "rg" {
                          name     = "rg-${local.full}"
                          location = var.region
                          tags     = { tier = var.tier, env = var.env }
                        }
                        variable "region" { default = "westus" }
                        """,
                "terraform.tfvars", "env = \"prod\"\n",
                "z.auto.tfvars.json", "{\"region\": \"northeurope\"}");
        Resource rg = byId(c, "./azurerm_resource_group.rg");
        assertThat(rg.name()).isEqualTo("rg-api-prod");
        assertThat(rg.location()).isEqualTo("northeurope");
        assertThat(rg.tags()).containsExactly(Map.entry("env", "prod"));
        assertThat(rg.unknowns()).containsExactly("tags.tier");
        assertThat(c.errors()).isEmpty();
    }

    @Test
    void localCyclesAreReportedAndUnknown() throws IOException {
        Collection c = collect("main.tf", """
                locals {
                  a = local.b
                  b = local.a
                }
                resource "azurerm_resource_group" "rg" {
                  name     = local.a
                  location = "westus"
                }
                """);
        assertThat(byId(c, "./azurerm_resource_group.rg").name()).isEqualTo("azurerm_resource_group.rg");
        assertThat(c.errors()).isNotEmpty();
        assertThat(c.errors().get(0).message()).contains("cycle");
        assertThat(c.errors().get(0).origin().line()).isEqualTo(3);
    }

    @Test
    void countForEachAndReferencesBetweenResources() throws IOException {
        Collection c = collect("main.tf", """
                resource "azurerm_resource_group" "rg" {
                  name     = "rg-main"
                  location = "westus"
                }
                resource "azurerm_key_vault" "kv" {
                  for_each            = toset(["alpha", "beta"])
                  name                = "kv-${each.key}"
                  location            = azurerm_resource_group.rg.location
                  resource_group_name = azurerm_resource_group.rg.name
                  tenant_id           = "t"
                  sku_name            = "standard"
                }
                resource "azurerm_key_vault_secret" "s" {
                  count        = 2
                  name         = "secret-${count.index}"
                  key_vault_id = azurerm_key_vault.kv["beta"].id
                  value        = "x"
                }
                resource "azurerm_monitor_diagnostic_setting" "d" {
                  name               = "diag"
                  target_resource_id = azurerm_key_vault.kv["alpha"].id
                }
                """);
        assertThat(byId(c, "./azurerm_key_vault.kv[\"alpha\"]").name()).isEqualTo("kv-alpha");
        assertThat(byId(c, "./azurerm_key_vault.kv[\"beta\"]").location()).isEqualTo("westus");
        Resource s1 = byId(c, "./azurerm_key_vault_secret.s[1]");
        assertThat(s1.name()).isEqualTo("secret-1");
        assertThat(s1.attributes().get("parentId")).isEqualTo("./azurerm_key_vault.kv[\"beta\"]");
        assertThat(byId(c, "./azurerm_monitor_diagnostic_setting.d").attributes().get("targetResourceId"))
                .isEqualTo("./azurerm_key_vault.kv[\"alpha\"]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void dynamicBlocksAndSingleVsRepeatedBlocksHaveOneShape() throws IOException {
        Collection c = collect("main.tf", """
                locals { rules = { ssh = 22, rdp = 3389 } }
                resource "azurerm_network_security_group" "one" {
                  name = "one"
                  security_rule {
                    name     = "r1"
                    priority = 100
                  }
                }
                resource "azurerm_network_security_group" "dyn" {
                  name = "dyn"
                  dynamic "security_rule" {
                    for_each = local.rules
                    content {
                      name                   = security_rule.key
                      destination_port_range = security_rule.value
                    }
                  }
                }
                resource "azurerm_network_security_group" "unk" {
                  name = "unk"
                  dynamic "security_rule" {
                    for_each = var.rules
                    content { name = security_rule.key }
                  }
                }
                variable "rules" {}
                """);
        List<?> one = (List<?>) byId(c, "./azurerm_network_security_group.one").properties().get("securityRules");
        assertThat(one).hasSize(1);
        assertThat(one.get(0)).isEqualTo(Map.of("name", "r1", "properties", Map.of("priority", 100L)));
        List<Object> dyn = (List<Object>) byId(c, "./azurerm_network_security_group.dyn").properties().get("securityRules");
        assertThat(dyn).containsExactly(
                Map.of("name", "rdp", "properties", Map.of("destinationPortRange", "3389")),
                Map.of("name", "ssh", "properties", Map.of("destinationPortRange", "22")));
        Resource unk = byId(c, "./azurerm_network_security_group.unk");
        assertThat(unk.properties()).doesNotContainKey("securityRules");
        assertThat(unk.unknowns()).containsExactly("properties.securityRules");
    }

    @Test
    void dataSourcesAreUnknownExceptSubscription() throws IOException {
        Collection c = collect("main.tf", """
                data "azurerm_subscription" "cur" {}
                data "azurerm_storage_account" "ext" {
                  name = "x"
                  resource_group_name = "y"
                }
                resource "azurerm_role_assignment" "a" {
                  scope        = data.azurerm_subscription.cur.id
                  principal_id = data.azurerm_storage_account.ext.identity[0].principal_id
                }
                """);
        Resource a = byId(c, "./azurerm_role_assignment.a");
        assertThat(a.properties().get("scope")).isEqualTo("terraform:.");
        assertThat(a.properties()).doesNotContainKey("principalId");
        assertThat(a.unknowns()).containsExactly("properties.principalId");
    }

    @Test
    void coalesceSkipsNullAndEmptyAndIsUnknownOnlyWhenAnUnknownComesFirst() {
        assertThat(eval("coalesce(\"given\", file(\"x\"))")).isEqualTo("given");
        assertThat(eval("coalesce(null, \"\", \"given\", file(\"x\"))")).isEqualTo("given");
        assertThat(eval("coalesce(null, file(\"x\"), \"later\")")).isEqualTo(Unknown.VALUE);
    }

    @Test
    void variableWithDefaultNullIsAKnownNullNotUnknown() throws IOException {
        Collection c = collect("main.tf", """
                variable "admin_password" {
                  type    = string
                  default = null
                }
                variable "tls" {
                  default = null
                }
                variable "no_default" {}
                resource "random_password" "pw" {
                  count  = var.admin_password == null ? 1 : 0
                  length = 16
                }
                resource "azurerm_storage_account" "sa" {
                  name            = coalesce(var.admin_password, "sa1")
                  min_tls_version = var.tls
                  account_kind    = var.no_default
                }
                """);
        assertThat(c.errors()).isEmpty();
        byId(c, "./random_password.pw[0]");
        Resource sa = byId(c, "./azurerm_storage_account.sa");
        assertThat(sa.name()).isEqualTo("sa1");
        assertThat(sa.properties().get("minimumTlsVersion")).isEqualTo("TLS1_2");
        assertThat(sa.unknowns()).containsExactly("kind");
    }
}
