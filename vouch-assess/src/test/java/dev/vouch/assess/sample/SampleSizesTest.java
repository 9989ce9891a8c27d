package dev.vouch.assess.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.catalog.Frequency;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleSizesTest {

    final SampleSizes standard = SampleSizes.standard();

    @Test
    void periodicFrequenciesHaveTheDocumentedSizes() {
        assertThat(standard.size(Frequency.ANNUAL, 1000)).isEqualTo(1);
        assertThat(standard.size(Frequency.QUARTERLY, 1000)).isEqualTo(2);
        assertThat(standard.size(Frequency.MONTHLY, 1000)).isEqualTo(2);
        assertThat(standard.size(Frequency.WEEKLY, 1000)).isEqualTo(5);
        assertThat(standard.size(Frequency.DAILY, 1000)).isEqualTo(25);
    }

    @Test
    void perEventAndContinuousFollowThePopulationTiers() {
        for (Frequency f : List.of(Frequency.PER_EVENT, Frequency.CONTINUOUS)) {
            assertThat(standard.size(f, 250)).isEqualTo(25);
            assertThat(standard.size(f, 251)).isEqualTo(40);
            assertThat(standard.size(f, 1000)).isEqualTo(40);
            assertThat(standard.size(f, 1001)).isEqualTo(60);
            assertThat(standard.size(f, 50_000)).isEqualTo(60);
        }
    }

    @Test
    void neverMoreThanThePopulation() {
        assertThat(standard.size(Frequency.DAILY, 12)).isEqualTo(12);
        assertThat(standard.size(Frequency.PER_EVENT, 3)).isEqualTo(3);
        assertThat(standard.size(Frequency.WEEKLY, 0)).isZero();
        assertThat(standard.size(Frequency.ANNUAL, 1)).isEqualTo(1);
    }

    @Test
    void theTableIsOverridable() {
        SampleSizes mine = standard.with(Frequency.WEEKLY, 15)
                .withTiers(List.of(new SampleSizes.Tier(50, 10), new SampleSizes.Tier(Integer.MAX_VALUE, 30)));
        assertThat(mine.size(Frequency.WEEKLY, 52)).isEqualTo(15);
        assertThat(mine.size(Frequency.PER_EVENT, 50)).isEqualTo(10);
        assertThat(mine.size(Frequency.PER_EVENT, 51)).isEqualTo(30);
        assertThat(standard.size(Frequency.WEEKLY, 52)).isEqualTo(5);

        assertThatThrownBy(() -> standard.with(Frequency.PER_EVENT, 10))
                .hasMessage("frequency 'per_event' takes its sample size from the population; override its tiers instead");
        assertThatThrownBy(() -> standard.with(Frequency.MONTHLY, 0))
                .hasMessage("sample size for frequency 'monthly' must be at least 1, was 0");
        assertThatThrownBy(() -> standard.withTiers(List.of(new SampleSizes.Tier(100, 10))))
                .hasMessageStartingWith("sample size tiers must end with one for any population size");
    }
}
