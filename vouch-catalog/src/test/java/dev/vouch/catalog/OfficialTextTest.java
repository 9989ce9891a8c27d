package dev.vouch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlay texts below are placeholders written for this test, not AICPA wording. */
class OfficialTextTest {

    @TempDir
    Path dir;

    private final Catalog catalog = Catalog.loadDefault();

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void yamlOverlayReplacesTextAndKeepsParaphrase() throws IOException {
        Path file = write("official.yaml", """
                CC6.1: |
                  Licensed text for CC6.1,
                  second line.
                A1.2: "Licensed text for A1.2."
                """);
        Catalog overlaid = catalog.withOfficialText(file);
        Criterion cc61 = overlaid.criterion("CC6.1").orElseThrow();
        assertThat(cc61.text()).isEqualTo("Licensed text for CC6.1,\nsecond line.");
        assertThat(cc61.hasOfficialText()).isTrue();
        assertThat(cc61.paraphrase()).isEqualTo(catalog.criterion("CC6.1").orElseThrow().paraphrase());
        assertThat(overlaid.criterion("A1.2").orElseThrow().text()).isEqualTo("Licensed text for A1.2.");
        assertThat(overlaid.criterion("CC6.2").orElseThrow().hasOfficialText()).isFalse();
        assertThat(overlaid.criteria()).filteredOn(Criterion::hasOfficialText).extracting(Criterion::id)
                .containsExactly("CC6.1", "A1.2");
        assertThat(catalog.criterion("CC6.1").orElseThrow().hasOfficialText()).as("original unchanged").isFalse();
        assertThat(overlaid.controls()).isEqualTo(catalog.controls());
    }

    @Test
    void csvOverlayHandlesQuotesCommasAndLineBreaks() throws IOException {
        Path file = write("official.csv", "\uFEFFid,text\r\n"
                + "CC1.1,Plain licensed text\r\n"
                + "\"CC7.2\",\"Text with a comma, a \"\"quote\"\" and\na line break\"\r\n"
                + "\r\n");
        Catalog overlaid = catalog.withOfficialText(file);
        assertThat(overlaid.criterion("CC1.1").orElseThrow().text()).isEqualTo("Plain licensed text");
        assertThat(overlaid.criterion("CC7.2").orElseThrow().text()).isEqualTo("Text with a comma, a \"quote\" and\na line break");
    }

    @Test
    void unknownIdsAreErrorsNamingFileAndLine() throws IOException {
        Path yaml = write("official.yaml", "CC1.1: ok\nPP1.1: wrong code\n");
        assertThatThrownBy(() -> catalog.withOfficialText(yaml))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith(yaml + ":2: unknown criterion id 'PP1.1'; the catalog has 61 criteria");
        Path csv = write("official.csv", "id,text\nCC1.1,ok\n\"multi\nline\",x\nCC10.1,nope\n");
        assertThatThrownBy(() -> catalog.withOfficialText(csv))
                .hasMessageStartingWith(csv + ":3: unknown criterion id 'multi\nline'");
        Path csv2 = write("official2.csv", "id,text\nCC1.1,ok\nCC10.1,nope\n");
        assertThatThrownBy(() -> catalog.withOfficialText(csv2))
                .hasMessageStartingWith(csv2 + ":3: unknown criterion id 'CC10.1'");
    }

    @Test
    void otherMistakesAreNamed() throws IOException {
        Path dup = write("dup.csv", "id,text\nCC1.1,a\nCC1.1,b\n");
        assertThatThrownBy(() -> catalog.withOfficialText(dup)).hasMessage(dup + ":3: criterion CC1.1 is given twice");
        Path blank = write("blank.yaml", "CC1.1: \"  \"\n");
        assertThatThrownBy(() -> catalog.withOfficialText(blank)).hasMessage(blank + ":1: criterion CC1.1: text must not be blank");
        Path nonString = write("list.yaml", "CC1.1: [a, b]\n");
        assertThatThrownBy(() -> catalog.withOfficialText(nonString))
                .hasMessage(nonString + ":1: criterion CC1.1: text must be a string, was array");
        Path header = write("header.csv", "criterion,text\nCC1.1,a\n");
        assertThatThrownBy(() -> catalog.withOfficialText(header)).hasMessage(header + ":1: the header must be 'id,text'");
        Path columns = write("columns.csv", "id,text\nCC1.1,a,b\n");
        assertThatThrownBy(() -> catalog.withOfficialText(columns))
                .hasMessage(columns + ":2: expected 2 columns (id, text), found 3; quote text that contains commas");
        Path quote = write("quote.csv", "id,text\nCC1.1,\"open\n");
        assertThatThrownBy(() -> catalog.withOfficialText(quote)).hasMessage(quote + ":2: unterminated quoted field");
        Path txt = write("official.txt", "CC1.1 text");
        assertThatThrownBy(() -> catalog.withOfficialText(txt)).hasMessage(txt + ": official text must be a .yaml, .yml or .csv file");
    }
}
