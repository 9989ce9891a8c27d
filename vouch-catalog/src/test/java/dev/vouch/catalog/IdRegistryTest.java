package dev.vouch.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IdRegistryTest {

    private final Catalog catalog = Catalog.loadDefault();
    private final IdRegistry registry = Catalog.defaultRegistry();

    @Test
    void everyControlIdIsRegisteredAndActive() {
        for (Control c : catalog.controls()) {
            assertThat(registry.find(c.id())).as(c.id()).get()
                    .extracting(IdRegistry.Entry::status).isEqualTo(IdRegistry.Status.ACTIVE);
        }
    }

    @Test
    void everyActiveRegistryIdIsInUseAndNoRetiredIdIs() {
        Set<String> inUse = catalog.controls().stream().map(Control::id).collect(Collectors.toSet());
        List<IdRegistry.Entry> entries = registry.entries();
        entries.stream().filter(e -> e.status() == IdRegistry.Status.RETIRED)
                .forEach(e -> assertThat(inUse).as("retired id " + e.id()).doesNotContain(e.id()));
        entries.stream().filter(e -> e.status() == IdRegistry.Status.ACTIVE)
                .forEach(e -> assertThat(inUse).as("active id " + e.id()).contains(e.id()));
    }

    @Test
    void noTwoRowsShareAnId() {
        assertThat(registry.entries()).extracting(IdRegistry.Entry::id).doesNotHaveDuplicates();
        assertThat(registry.entries()).hasSizeGreaterThanOrEqualTo(catalog.controls().size());
    }

    @Test
    void parseErrorsNameTheLine() {
        assertThat(IdRegistry.parse("r.tsv", IdRegistry.HEADER + "\n# comment\n\nVC-A-01\tFirst\tretired\n").entries())
                .containsExactly(new IdRegistry.Entry("VC-A-01", "First", IdRegistry.Status.RETIRED, 4));
        assertThatThrownBy(() -> IdRegistry.parse("r.tsv", "id,first_title,status\n"))
                .hasMessage("r.tsv:1: the header must be 'id<TAB>first_title<TAB>status'");
        assertThatThrownBy(() -> IdRegistry.parse("r.tsv", IdRegistry.HEADER + "\nVC-A-01\tFirst\tgone\n"))
                .hasMessage("r.tsv:2: column 'status' must be one of [active, retired], was 'gone'");
        assertThatThrownBy(() -> IdRegistry.parse("r.tsv", IdRegistry.HEADER + "\nVC-A-01\tFirst\n"))
                .hasMessage("r.tsv:2: expected 3 tab-separated columns (id, first_title, status), found 2");
        assertThatThrownBy(() -> IdRegistry.parse("r.tsv", IdRegistry.HEADER + "\nvc a\tFirst\tactive\n"))
                .hasMessage("r.tsv:2: column 'id' is not a valid id: 'vc a'");
    }
}
