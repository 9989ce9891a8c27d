package dev.vouch.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BandTest {

    @ParameterizedTest
    @CsvSource({
        "0, NOT_READY", "59.99, NOT_READY", "60, REMEDIATION_NEEDED", "79.99, REMEDIATION_NEEDED",
        "80, NEARLY_READY", "89.99, NEARLY_READY", "90, READY", "100, READY"})
    void boundariesAreClosedBelow(double score, Band expected) {
        assertThat(Band.of(score)).isEqualTo(expected);
    }
}
