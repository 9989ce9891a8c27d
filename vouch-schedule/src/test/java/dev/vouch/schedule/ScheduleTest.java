package dev.vouch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleTest {

    private static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    private static List<Instant> slots(String cron, ZoneId zone, String from, String to) {
        return Schedule.parse(cron, zone).expectedRunsBetween(Instant.parse(from), Instant.parse(to));
    }

    private static List<Instant> instants(String... values) {
        return java.util.Arrays.stream(values).map(Instant::parse).toList();
    }

    @Test
    void hourlyAliasIsTopOfEveryHourAndNextIsStrictlyAfter() {
        Schedule hourly = Schedule.parse("@hourly", ZoneOffset.UTC);
        assertThat(hourly.next(Instant.parse("2025-06-01T10:00:00Z"))).isEqualTo("2025-06-01T11:00:00Z");
        assertThat(hourly.next(Instant.parse("2025-06-01T10:59:59.999Z"))).isEqualTo("2025-06-01T11:00:00Z");
        assertThat(slots("@hourly", ZoneOffset.UTC, "2025-06-01T10:00:00Z", "2025-06-01T13:00:00Z"))
                .isEqualTo(instants("2025-06-01T10:00:00Z", "2025-06-01T11:00:00Z", "2025-06-01T12:00:00Z"));
    }

    @Test
    void dailyAtLocalTimeFollowsAmsterdamOffsets() {
        assertThat(slots("0 6 * * *", AMS, "2025-06-01T00:00:00Z", "2025-06-03T00:00:00Z"))
                .isEqualTo(instants("2025-06-01T04:00:00Z", "2025-06-02T04:00:00Z"));
        assertThat(slots("@daily", AMS, "2025-01-01T12:00:00Z", "2025-01-03T12:00:00Z"))
                .isEqualTo(instants("2025-01-01T23:00:00Z", "2025-01-02T23:00:00Z"));
    }

    @Test
    void slotInTheSpringForwardGapRunsAfterTheJumpOnce() {
        // 2025-03-30 02:00 CET jumps to 03:00 CEST: 02:30 does not exist and runs at 03:30 CEST
        assertThat(slots("30 2 * * *", AMS, "2025-03-29T00:00:00Z", "2025-04-01T00:00:00Z"))
                .isEqualTo(instants("2025-03-29T01:30:00Z", "2025-03-30T01:30:00Z", "2025-03-31T00:30:00Z"));
        // hourly stays hourly in real time: the missing 02:00 collapses into 03:00
        assertThat(slots("0 * * * *", AMS, "2025-03-29T23:00:00Z", "2025-03-30T03:00:00Z"))
                .isEqualTo(instants("2025-03-29T23:00:00Z", "2025-03-30T00:00:00Z", "2025-03-30T01:00:00Z",
                        "2025-03-30T02:00:00Z"));
    }

    @Test
    void slotInTheRepeatedAutumnHourRunsOnlyAtItsFirstOccurrence() {
        // 2025-10-26 03:00 CEST falls back to 02:00 CET: 02:30 happens twice, runs once (CEST)
        assertThat(slots("30 2 * * *", AMS, "2025-10-25T00:00:00Z", "2025-10-28T00:00:00Z"))
                .isEqualTo(instants("2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"));
        assertThat(slots("0 * * * *", AMS, "2025-10-25T22:00:00Z", "2025-10-26T03:00:00Z"))
                .isEqualTo(instants("2025-10-25T22:00:00Z", "2025-10-25T23:00:00Z", "2025-10-26T00:00:00Z",
                        "2025-10-26T02:00:00Z"));
    }

    @Test
    void thirtyFirstSkipsShortMonths() {
        assertThat(slots("0 0 31 * *", ZoneOffset.UTC, "2025-01-31T00:00:01Z", "2025-09-01T00:00:00Z"))
                .isEqualTo(instants("2025-03-31T00:00:00Z", "2025-05-31T00:00:00Z", "2025-07-31T00:00:00Z",
                        "2025-08-31T00:00:00Z"));
        assertThat(slots("0 12 29 2 *", ZoneOffset.UTC, "2025-01-01T00:00:00Z", "2029-01-01T00:00:00Z"))
                .isEqualTo(instants("2028-02-29T12:00:00Z"));
    }

    @Test
    void dayOfWeekRangesNamesAndSundayAsSeven() {
        // Friday 2025-06-06 12:00 Amsterdam -> next weekday 09:00 is Monday 2025-06-09
        assertThat(Schedule.parse("0 9 * * 1-5", AMS).next(Instant.parse("2025-06-06T10:00:00Z")))
                .isEqualTo("2025-06-09T07:00:00Z");
        assertThat(Schedule.parse("0 9 * * MON-FRI", AMS).next(Instant.parse("2025-06-06T10:00:00Z")))
                .isEqualTo("2025-06-09T07:00:00Z");
        assertThat(slots("0 0 * * 7", ZoneOffset.UTC, "2025-06-01T00:00:00Z", "2025-06-16T00:00:00Z"))
                .isEqualTo(slots("0 0 * * 0", ZoneOffset.UTC, "2025-06-01T00:00:00Z", "2025-06-16T00:00:00Z"))
                .isEqualTo(slots("@weekly", ZoneOffset.UTC, "2025-06-01T00:00:00Z", "2025-06-16T00:00:00Z"))
                .isEqualTo(instants("2025-06-01T00:00:00Z", "2025-06-08T00:00:00Z", "2025-06-15T00:00:00Z"));
    }

    @Test
    void dayOfMonthAndDayOfWeekBothRestrictedMeansEitherLikeUnixCron() {
        // the 1st of the month OR any Monday
        assertThat(slots("0 9 1 * 1", ZoneOffset.UTC, "2025-06-25T00:00:00Z", "2025-07-10T00:00:00Z"))
                .isEqualTo(instants("2025-06-30T09:00:00Z", "2025-07-01T09:00:00Z", "2025-07-07T09:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0 25 * * *      | schedule: '0 25 * * *': hour 25 out of range 0-23",
        "61 * * * *      | schedule: '61 * * * *': minute 61 out of range 0-59",
        "0 0 32 * *      | schedule: '0 0 32 * *': day-of-month 32 out of range 1-31",
        "0 0 * 13 *      | schedule: '0 0 * 13 *': month 13 out of range 1-12",
        "0 0 * * 8       | schedule: '0 0 * * 8': day-of-week 8 out of range 0-7",
        "* * * *         | schedule: '* * * *': expected 5 fields (minute hour day-of-month month day-of-week), found 4",
        "0 0 31 2 *      | schedule: '0 0 31 2 *': never fires (no matching date)",
        "@reboot         | schedule: '@reboot': unknown alias; supported: @hourly, @daily, @midnight, @weekly, @monthly, @yearly",
    })
    void badExpressionsNameTheFieldAndValue(String cron, String message) {
        assertThatThrownBy(() -> Schedule.parse(cron, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void invalidCharactersNameTheField() {
        assertThatThrownBy(() -> Schedule.parse("0 x * * *", ZoneOffset.UTC))
                .hasMessageStartingWith("schedule: '0 x * * *': hour 'x' is not valid");
        assertThatThrownBy(() -> Schedule.parse("  ", ZoneOffset.UTC)).hasMessageStartingWith("schedule: expression is empty");
    }
}
