package dev.vouch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VouchFunctionsTest {
    @Test
    void asBoolReadsDefenderStyleStrings() throws CelEvaluationException {
        assertThat(VouchFunctions.asBool("False")).isFalse();
        assertThat(VouchFunctions.asBool("Enabled")).isTrue();
        assertThat(VouchFunctions.asBool(true)).isTrue();
        assertThatThrownBy(() -> VouchFunctions.asBool("maybe")).hasMessageContaining("maybe");
    }

    @Test
    void portInReadsNsgRanges() {
        assertThat(VouchFunctions.portIn("22", 22L)).isTrue();
        assertThat(VouchFunctions.portIn("20-30", 22L)).isTrue();
        assertThat(VouchFunctions.portIn("*", 3389L)).isTrue();
        assertThat(VouchFunctions.portIn(List.of("80", "443"), 22L)).isFalse();
        assertThat(VouchFunctions.portIn("3380-3390", 22L)).isFalse();
        assertThat(VouchFunctions.portIn("22-22", 22L)).isTrue();
    }

    @Test
    void cidrIsAnyKnowsInternetSpellings() {
        assertThat(VouchFunctions.cidrIsAny("Internet")).isTrue();
        assertThat(VouchFunctions.cidrIsAny("0.0.0.0/0")).isTrue();
        assertThat(VouchFunctions.cidrIsAny(List.of("10.0.0.0/8", "*"))).isTrue();
        assertThat(VouchFunctions.cidrIsAny("10.0.0.0/8")).isFalse();
    }

    @Test
    void daysSinceUsesTheClock() throws CelEvaluationException {
        assertThat(VouchFunctions.daysSince("2026-06-20T12:00:00Z", EngineTest.CLOCK)).isEqualTo(10L);
        assertThat(VouchFunctions.daysSince("2026-06-01", EngineTest.CLOCK)).isEqualTo(29L);
        assertThat(VouchFunctions.daysSince("2026-07-10T12:00:00+00:00", EngineTest.CLOCK)).isEqualTo(-10L);
    }

    @Test
    void getWalksDottedPaths() {
        Map<String, Object> m = Map.of("a", Map.of("b", 3L));
        assertThat(VouchFunctions.get(m, "a.b", 0L)).isEqualTo(3L);
        assertThat(VouchFunctions.get(m, "a.c", "none")).isEqualTo("none");
    }

    @Test
    void splitTrims() {
        assertThat(VouchFunctions.split("a@x.io; b@x.io", ";")).containsExactly("a@x.io", "b@x.io");
    }
}
