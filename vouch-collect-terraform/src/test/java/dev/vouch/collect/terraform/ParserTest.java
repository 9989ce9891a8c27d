package dev.vouch.collect.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParserTest {
    private final ExprEvaluator ev = new ExprEvaluator();

    private Object eval(String expr) {
        return ev.eval(Parser.parseExpression(expr, 1, 1), Scope.empty());
    }

    private Map<String, Object> attrs(String src) {
        Body body = Parser.parseFile(src);
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        body.attributes().forEach(a -> out.put(a.name(), ev.eval(a.value(), Scope.empty())));
        return out;
    }

    @Test
    void blocksWithLabelsAttributesAndComments() {
        Body body = Parser.parseFile("""
                # hash comment
                // slash comment
                resource "azurerm_resource_group" "rg" { /* inline */
                  name = "rg-1" # trailing
                  nested {
                    a = 1
                  }
                }
                terraform { required_version = ">= 1.5" }
                """);
        assertThat(body.blocks()).hasSize(2);
        Body.Block rg = body.blocks().get(0);
        assertThat(rg.type()).isEqualTo("resource");
        assertThat(rg.labels()).containsExactly("azurerm_resource_group", "rg");
        assertThat(rg.line()).isEqualTo(3);
        assertThat(rg.body().attributes()).extracting(Body.Attribute::name).containsExactly("name");
        assertThat(rg.body().blocks().get(0).type()).isEqualTo("nested");
        assertThat(body.blocks().get(1).body().attributes().get(0).line()).isEqualTo(9);
    }

    @Test
    void numbersKeepTheirKind() {
        assertThat(eval("42")).isEqualTo(42L);
        assertThat(eval("2.5")).isEqualTo(2.5d);
        assertThat(eval("1e3")).isEqualTo(1000.0d);
        assertThat(eval("7 / 2")).isEqualTo(3.5d);
        assertThat(eval("8 / 2")).isEqualTo(4L);
        assertThat(eval("-3 + 10 % 4")).isEqualTo(-1L);
    }

    @Test
    void operatorPrecedenceAndConditionals() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7L);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9L);
        assertThat(eval("1 < 2 && 3 >= 3 || false")).isEqualTo(true);
        assertThat(eval("!true == false")).isEqualTo(true);
        assertThat(eval("2 > 1 ? \"yes\" : \"no\"")).isEqualTo("yes");
        assertThat(eval("null == null")).isEqualTo(true);
    }

    @Test
    void stringsEscapesAndInterpolation() {
        assertThat(eval("\"a\\tb\\n\\\"q\\\" \\u00e9\"")).isEqualTo("a\tb\n\"q\" é");
        assertThat(eval("\"x-${1 + 1}-${\"in${\"ner\"}\"}\"")).isEqualTo("x-2-inner");
        assertThat(eval("\"$${literal} %%{also}\"")).isEqualTo("${literal} %{also}");
        assertThat(eval("\"${true}\"")).isEqualTo(true);
        assertThat(eval("\"  a  ${~ \"b\" ~}  c\"")).isEqualTo("  abc");
    }

    @Test
    void heredocsWithAndWithoutIndentStripping() {
        Map<String, Object> a = attrs("""
                plain = <<EOT
                  line ${1 + 1}
                EOT
                indented = <<-EOT
                    {
                      "k": "v"
                    }
                    EOT
                after = "ok"
                """);
        assertThat(a.get("plain")).isEqualTo("  line 2\n");
        assertThat(a.get("indented")).isEqualTo("{\n  \"k\": \"v\"\n}\n");
        assertThat(a.get("after")).isEqualTo("ok");
    }

    @Test
    void templateDirectives() {
        Map<String, Object> a = attrs("""
                t = <<-EOT
                  %{ for i, n in ["a", "b"] }${i}=${n};%{ endfor }
                  %{ if 1 > 2 }big%{ else }small%{ endif }
                EOT
                """);
        assertThat(a.get("t")).isEqualTo("0=a;1=b;\nsmall\n");
    }

    @Test
    void tuplesObjectsAndMultilineCollections() {
        Map<String, Object> a = attrs("""
                list = [
                  1,
                  "two",
                  [3],
                ]
                obj = {
                  a = 1
                  "b" : 2, c = { d = [true] }
                  (format("%s", "e")) = null
                }
                """);
        assertThat(a.get("list")).isEqualTo(List.of(1L, "two", List.of(3L)));
        Map<?, ?> obj = (Map<?, ?>) a.get("obj");
        assertThat(obj.get("a")).isEqualTo(1L);
        assertThat(obj.get("b")).isEqualTo(2L);
        assertThat(obj.get("c")).isEqualTo(Map.of("d", List.of(true)));
        assertThat(obj.containsKey("e")).isTrue();
        assertThat(obj.get("e")).isNull();
    }

    @Test
    void forExpressionsSplatsAndIndexes() {
        assertThat(eval("[for s in [\"a\", \"bb\", \"\"] : upper(s) if s != \"\"]")).isEqualTo(List.of("A", "BB"));
        assertThat(eval("{for k, v in {b = 2, a = 1} : v => k}")).isEqualTo(Map.of("1", "a", "2", "b"));
        assertThat(eval("{for s in [\"x\", \"y\", \"x\"] : s => s...}"))
                .isEqualTo(Map.of("x", List.of("x", "x"), "y", List.of("y")));
        assertThat(eval("[{n = 1}, {n = 2}][*].n")).isEqualTo(List.of(1L, 2L));
        assertThat(eval("[{n = {m = 1}}, {n = {m = 2}}].*.n")).isEqualTo(List.of(Map.of("m", 1L), Map.of("m", 2L)));
        assertThat(eval("{a = [10, 20]}.a[1]")).isEqualTo(20L);
        assertThat(eval("{a = [10, 20]}[\"a\"].0")).isEqualTo(10L);
    }

    @Test
    void functionCallsWithExpansion() {
        assertThat(eval("max([3, 9, 4]...)")).isEqualTo(9L);
        assertThat(eval("concat([1], [2, 3])")).isEqualTo(List.of(1L, 2L, 3L));
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        assertThatThrownBy(() -> Parser.parseFile("a = 1\nb = \n"))
                .isInstanceOf(HclSyntaxException.class)
                .hasMessageContaining("at 2:5")
                .satisfies(e -> assertThat(((HclSyntaxException) e).line()).isEqualTo(2));
        assertThatThrownBy(() -> Parser.parseFile("resource \"x\" \"y\" {\n  a = \"unterminated\n}\n"))
                .isInstanceOf(HclSyntaxException.class).hasMessageContaining("2:");
        assertThatThrownBy(() -> Parser.parseFile("x = [1, 2\ny = 3\n"))
                .isInstanceOf(HclSyntaxException.class);
        assertThatThrownBy(() -> Parser.parseFile("a = 1 b = 2\n"))
                .isInstanceOf(HclSyntaxException.class).hasMessageContaining("1:7");
        assertThatThrownBy(() -> Parser.parseFile("block {\n a = 1\n"))
                .isInstanceOf(HclSyntaxException.class).hasMessageContaining("'}' to close block block");
    }
}
